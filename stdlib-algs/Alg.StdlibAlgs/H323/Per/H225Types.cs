namespace Alg.StdlibAlgs.H323.Per;

/// <summary>
/// The H.225.0 types that lie on the way to the addresses (ITU-T H.225.0 (12/2009), ASN.1 module H323-MESSAGES,
/// "common message elements"), each skipped exactly as X.691 ALIGNED encodes it, and TransportAddress read with its
/// IPv4 offset recorded.
/// </summary>
/// <remarks>
/// Only root members are decoded member by member; extension additions are open types skipped by their length
/// (X.691 §19.9), so a newer H.225.0 version's additions never throw the walk off. Every reader call is bounds
/// checked (<see cref="PerReader"/>); after an error the reader is at its end and every loop below stops.
/// </remarks>
public static class H225Types
{
    /// <summary>How deep GenericData / EnumeratedParameter nest before the walk refuses (H.460 features nest 2–3).</summary>
    public const int MaxGenericDepth = 6;

    /// <summary>TransportAddress (H323-MESSAGES): CHOICE of 7 root alternatives, extensible. The ipAddress
    /// alternative (index 0, a SEQUENCE without extension marker) is its 4 address octets and 2 port octets,
    /// octet-aligned; it is recorded as <paramref name="kind"/> when <paramref name="findings"/> records.</summary>
    public static void ReadTransportAddress(ref PerReader reader, H323Findings findings, H323AddressKind kind, bool record, byte element = 0)
    {
        var index = reader.ReadChoice(7, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
            return;
        }

        switch (index)
        {
            case 0:
                RecordIpv4(ref reader, findings, kind, record, element, channel: 0, peerChannel: false);
                break;
            case 1:
                // ipSourceRoute { ip(4), port, route SEQUENCE OF OCTET STRING(SIZE(4)), routing CHOICE {strict, loose, ...}, ... }
                var sourceRouteExtended = reader.ReadBit();
                reader.SkipOctets(4);
                reader.ReadConstrained(0, 65535);
                var hops = reader.ReadLengthDeterminant();
                reader.SkipOctets((long)hops * 4);
                reader.ReadChoice(2, true, out var routingExtension);
                if (routingExtension)
                {
                    reader.SkipOpenType();
                }

                reader.SkipExtensions(sourceRouteExtended);
                break;
            case 2:
                // ipxAddress { node SIZE(6), netnum SIZE(4), port SIZE(2) }: the 2-octet port is an unaligned bit-field (§17.6).
                reader.SkipOctets(6);
                reader.SkipOctets(4);
                reader.SkipBits(16);
                break;
            case 3:
                // ip6Address { ip SIZE(16), port, ... }: recorded; IPv6 is not translated (the runtime is IPv4 NAT).
                var ip6Extended = reader.ReadBit();
                RecordIpv6(ref reader, findings, kind, record, element, channel: 0, peerChannel: false);
                reader.SkipExtensions(ip6Extended);
                break;
            case 4:
                reader.SkipOctets(16);
                break;
            case 5:
                reader.SkipOctetString(1, 20, out _);
                break;
            default:
                SkipNonStandardParameter(ref reader);
                break;
        }
    }

    /// <summary>4 aligned address octets then a 2-octet aligned port (H.225.0 ipAddress, H.245 iPAddress): recorded
    /// with the offset of the first octet.</summary>
    public static void RecordIpv4(ref PerReader reader, H323Findings findings, H323AddressKind kind, bool record, byte element, ushort channel, bool peerChannel)
    {
        var start = reader.TakeOctets(4);
        var port = (ushort)reader.ReadConstrained(0, 65535);
        if (reader.Failed || !record)
        {
            return;
        }

        var data = reader.Data;
        var address = ((uint)data[start] << 24) | ((uint)data[start + 1] << 16) | ((uint)data[start + 2] << 8) | data[start + 3];
        if (!findings.TryAdd(new H323AddressField(kind, start, address, port, channel, peerChannel, element)))
        {
            reader.Fail(H323DecodeError.TooManyAddresses);
        }
    }

    /// <summary>An IPv6 address (16 octets, octet-aligned) and its port, recorded with <see cref="H323AddressField.Ipv6"/>.</summary>
    public static void RecordIpv6(ref PerReader reader, H323Findings findings, H323AddressKind kind, bool record, byte element, ushort channel, bool peerChannel)
    {
        var start = reader.TakeOctets(16);
        var port = (ushort)reader.ReadConstrained(0, 65535);
        if (reader.Failed || !record)
        {
            return;
        }

        if (!findings.TryAdd(new H323AddressField(kind, start, 0, port, channel, peerChannel, element, Ipv6: true)))
        {
            reader.Fail(H323DecodeError.TooManyAddresses);
        }
    }

    /// <summary>SEQUENCE OF TransportAddress (no size constraint: a length determinant count).</summary>
    public static void ReadTransportAddresses(ref PerReader reader, H323Findings findings, H323AddressKind kind, bool record)
    {
        var count = reader.ReadLengthDeterminant();
        for (var i = 0; i < count && !reader.Failed; i++)
        {
            ReadTransportAddress(ref reader, findings, kind, record, (byte)Math.Min(i, 255));
        }
    }

    /// <summary>NonStandardParameter { nonStandardIdentifier CHOICE { object OID, h221NonStandard, ... }, data OCTET STRING }.</summary>
    public static void SkipNonStandardParameter(ref PerReader reader)
    {
        var index = reader.ReadChoice(2, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
        }
        else if (index == 0)
        {
            reader.ReadObjectIdentifier(out _);
        }
        else
        {
            SkipH221NonStandard(ref reader);
        }

        reader.SkipOctetString(0, -1, out _);
    }

    /// <summary>H221NonStandard { t35CountryCode INTEGER(0..255), t35Extension INTEGER(0..255), manufacturerCode INTEGER(0..65535), ... }.</summary>
    public static void SkipH221NonStandard(ref PerReader reader)
    {
        var extended = reader.ReadBit();
        reader.ReadConstrained(0, 255);
        reader.ReadConstrained(0, 255);
        reader.ReadConstrained(0, 65535);
        reader.SkipExtensions(extended);
    }

    /// <summary>AliasAddress: CHOICE { dialledDigits IA5String(SIZE(1..128))(FROM("0123456789#*,")) — 4 bits a
    /// character, h323-ID BMPString(SIZE(1..256)), ... } (extension alternatives are open types).</summary>
    public static void SkipAliasAddress(ref PerReader reader)
    {
        var index = reader.ReadChoice(2, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
        }
        else if (index == 0)
        {
            reader.SkipCharacterString(1, 128, 4);
        }
        else
        {
            reader.SkipCharacterString(1, 256, 16);
        }
    }

    public static void SkipAliasAddresses(ref PerReader reader)
    {
        var count = reader.ReadLengthDeterminant();
        for (var i = 0; i < count && !reader.Failed; i++)
        {
            SkipAliasAddress(ref reader);
        }
    }

    /// <summary>GatekeeperIdentifier, EndpointIdentifier: BMPString(SIZE(1..128)).</summary>
    public static void SkipIdentifier(ref PerReader reader) => reader.SkipCharacterString(1, 128, 16);

    /// <summary>EndpointType { nonStandardData, vendor, gatekeeper, gateway, mcu, terminal (all OPTIONAL), mc BOOLEAN,
    /// undefinedNode BOOLEAN, ..., set, supportedTunnelledProtocols }.</summary>
    public static void SkipEndpointType(ref PerReader reader)
    {
        var extended = reader.ReadBit();
        var present = reader.ReadPresence(6);
        if ((present & 0x20) != 0)
        {
            SkipNonStandardParameter(ref reader);
        }

        if ((present & 0x10) != 0)
        {
            SkipVendorIdentifier(ref reader);
        }

        if ((present & 0x08) != 0)
        {
            SkipNonStandardOnly(ref reader);
        }

        if ((present & 0x04) != 0)
        {
            // GatewayInfo { protocol SEQUENCE OF SupportedProtocols OPTIONAL, nonStandardData OPTIONAL, ... }
            var gatewayExtended = reader.ReadBit();
            var gatewayPresent = reader.ReadPresence(2);
            if ((gatewayPresent & 0x2) != 0)
            {
                var count = reader.ReadLengthDeterminant();
                for (var i = 0; i < count && !reader.Failed; i++)
                {
                    SkipSupportedProtocols(ref reader);
                }
            }

            if ((gatewayPresent & 0x1) != 0)
            {
                SkipNonStandardParameter(ref reader);
            }

            reader.SkipExtensions(gatewayExtended);
        }

        if ((present & 0x02) != 0)
        {
            SkipNonStandardOnly(ref reader);
        }

        if ((present & 0x01) != 0)
        {
            SkipNonStandardOnly(ref reader);
        }

        reader.SkipBits(2);
        reader.SkipExtensions(extended);
    }

    /// <summary>The many H.225.0 SEQUENCEs whose root is only <c>nonStandardData NonStandardParameter OPTIONAL, ...</c>:
    /// GatekeeperInfo, McuInfo, TerminalInfo, H310Caps … T120OnlyCaps.</summary>
    public static void SkipNonStandardOnly(ref PerReader reader)
    {
        var extended = reader.ReadBit();
        if (reader.ReadBit())
        {
            SkipNonStandardParameter(ref reader);
        }

        reader.SkipExtensions(extended);
    }

    /// <summary>SupportedProtocols: CHOICE { nonStandardData, h310 … t120-only (9 root alternatives), ... }.</summary>
    public static void SkipSupportedProtocols(ref PerReader reader)
    {
        var index = reader.ReadChoice(9, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
        }
        else if (index == 0)
        {
            SkipNonStandardParameter(ref reader);
        }
        else
        {
            SkipNonStandardOnly(ref reader);
        }
    }

    /// <summary>VendorIdentifier { vendor H221NonStandard, productId OCTET STRING(SIZE(1..256)) OPTIONAL, versionId
    /// (the same) OPTIONAL, ..., enterpriseNumber }.</summary>
    public static void SkipVendorIdentifier(ref PerReader reader)
    {
        var extended = reader.ReadBit();
        var present = reader.ReadPresence(2);
        SkipH221NonStandard(ref reader);
        if ((present & 0x2) != 0)
        {
            reader.SkipOctetString(1, 256, out _);
        }

        if ((present & 0x1) != 0)
        {
            reader.SkipOctetString(1, 256, out _);
        }

        reader.SkipExtensions(extended);
    }

    /// <summary>QseriesOptions { q932Full … q957Full (7 BOOLEAN), q954Info Q954Details { 2 BOOLEAN, ... }, ... }.</summary>
    public static void SkipQseriesOptions(ref PerReader reader)
    {
        var extended = reader.ReadBit();
        reader.SkipBits(7);
        var detailsExtended = reader.ReadBit();
        reader.SkipBits(2);
        reader.SkipExtensions(detailsExtended);
        reader.SkipExtensions(extended);
    }

    /// <summary>CallIdentifier { guid OCTET STRING(SIZE(16)), ... }.</summary>
    public static void SkipCallIdentifier(ref PerReader reader)
    {
        var extended = reader.ReadBit();
        reader.SkipOctets(16);
        reader.SkipExtensions(extended);
    }

    /// <summary>An extensible CHOICE of NULL root alternatives (CallType, CallModel, conferenceGoal, reasons).</summary>
    public static int SkipNullChoice(ref PerReader reader, int rootAlternatives)
    {
        var index = reader.ReadChoice(rootAlternatives, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
            return rootAlternatives + index;
        }

        return index;
    }

    /// <summary>H245Security: CHOICE { nonStandard, noSecurity NULL, tls SecurityCapabilities, ipsec SecurityCapabilities, ... }.</summary>
    public static void SkipH245Security(ref PerReader reader)
    {
        var index = reader.ReadChoice(4, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
            return;
        }

        switch (index)
        {
            case 0:
                SkipNonStandardParameter(ref reader);
                break;
            case 2:
            case 3:
                // SecurityCapabilities { nonStandard OPTIONAL, encryption, authenticaton, integrity SecurityServiceMode, ... }
                var extended = reader.ReadBit();
                if (reader.ReadBit())
                {
                    SkipNonStandardParameter(ref reader);
                }

                for (var i = 0; i < 3 && !reader.Failed; i++)
                {
                    // SecurityServiceMode: CHOICE { nonStandard, none NULL, default NULL, ... }
                    var mode = reader.ReadChoice(3, true, out var modeExtension);
                    if (modeExtension)
                    {
                        reader.SkipOpenType();
                    }
                    else if (mode == 0)
                    {
                        SkipNonStandardParameter(ref reader);
                    }
                }

                reader.SkipExtensions(extended);
                break;
        }
    }

    /// <summary>FeatureSet { replacementFeatureSet BOOLEAN, neededFeatures, desiredFeatures, supportedFeatures
    /// (SEQUENCE OF FeatureDescriptor OPTIONAL), ... }: H.460 features are looked for in each list.</summary>
    public static void ReadFeatureSet(ref PerReader reader, H323Findings findings)
    {
        var extended = reader.ReadBit();
        var present = reader.ReadPresence(3);
        reader.SkipBits(1);
        for (var list = 2; list >= 0 && !reader.Failed; list--)
        {
            if ((present & (1u << list)) != 0)
            {
                ReadGenericDataList(ref reader, findings);
            }
        }

        reader.SkipExtensions(extended);
    }

    /// <summary>SEQUENCE OF GenericData (FeatureDescriptor is GenericData).</summary>
    public static void ReadGenericDataList(ref PerReader reader, H323Findings findings)
    {
        var count = reader.ReadLengthDeterminant();
        for (var i = 0; i < count && !reader.Failed; i++)
        {
            ReadGenericData(ref reader, findings, 0);
        }
    }

    /// <summary>GenericData { id GenericIdentifier, parameters SEQUENCE (SIZE(1..512)) OF EnumeratedParameter OPTIONAL, ... }.</summary>
    public static void ReadGenericData(ref PerReader reader, H323Findings findings, int depth)
    {
        if (depth > MaxGenericDepth)
        {
            reader.Fail(H323DecodeError.TooDeep);
            return;
        }

        var extended = reader.ReadBit();
        var hasParameters = reader.ReadBit();
        if (IsTraversalFeature(ReadGenericIdentifier(ref reader)) && depth == 0)
        {
            findings.H460 = true;
        }

        if (hasParameters)
        {
            var count = reader.ReadLength(1, 512);
            for (var i = 0; i < count && !reader.Failed; i++)
            {
                SkipEnumeratedParameter(ref reader, findings, depth + 1);
            }
        }

        reader.SkipExtensions(extended);
    }

    /// <summary>H.460.17 (RAS over TCP), .18 (signalling traversal), .19 (media traversal), .23 (NAT detection), .24
    /// (point-to-point media through NAT): an endpoint using any of them traverses NAT by itself (algs.md §4.6).</summary>
    public static bool IsTraversalFeature(long standardId) => standardId is 17 or 18 or 19 or 23 or 24;

    /// <summary>GenericIdentifier: CHOICE { standard INTEGER(0..16383, ...), oid OID, nonStandard GloballyUniqueID, ... };
    /// the standard number, or -1 for the others.</summary>
    public static long ReadGenericIdentifier(ref PerReader reader)
    {
        var index = reader.ReadChoice(3, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
            return -1;
        }

        switch (index)
        {
            case 0:
                return reader.ReadExtensibleConstrained(0, 16383);
            case 1:
                reader.ReadObjectIdentifier(out _);
                return -1;
            default:
                reader.SkipOctets(16);
                return -1;
        }
    }

    /// <summary>EnumeratedParameter { id GenericIdentifier, content Content OPTIONAL, ... }.</summary>
    public static void SkipEnumeratedParameter(ref PerReader reader, H323Findings findings, int depth)
    {
        if (depth > MaxGenericDepth)
        {
            reader.Fail(H323DecodeError.TooDeep);
            return;
        }

        var extended = reader.ReadBit();
        var hasContent = reader.ReadBit();
        ReadGenericIdentifier(ref reader);
        if (hasContent)
        {
            SkipContent(ref reader, findings, depth);
        }

        reader.SkipExtensions(extended);
    }

    /// <summary>Content: CHOICE { raw, text, unicode, bool, number8, number16, number32, id, alias, transport,
    /// compound, nested, ... } (12 root alternatives).</summary>
    private static void SkipContent(ref PerReader reader, H323Findings findings, int depth)
    {
        var index = reader.ReadChoice(12, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
            return;
        }

        switch (index)
        {
            case 0:
                reader.SkipOctetString(0, -1, out _);
                break;
            case 1:
                reader.SkipCharacterString(0, -1, 8);
                break;
            case 2:
                reader.SkipCharacterString(0, -1, 16);
                break;
            case 3:
                reader.SkipBits(1);
                break;
            case 4:
                reader.ReadConstrained(0, 255);
                break;
            case 5:
                reader.ReadConstrained(0, 65535);
                break;
            case 6:
                reader.ReadConstrained(0, 4294967295);
                break;
            case 7:
                ReadGenericIdentifier(ref reader);
                break;
            case 8:
                SkipAliasAddress(ref reader);
                break;
            case 9:
                // An address inside generic data (H.460.18 IncomingCallIndication): never rewritten, never opened.
                ReadTransportAddress(ref reader, findings, H323AddressKind.CallSignalAddress, record: false);
                break;
            case 10:
                var parameters = reader.ReadLength(1, 512);
                for (var i = 0; i < parameters && !reader.Failed; i++)
                {
                    SkipEnumeratedParameter(ref reader, findings, depth + 1);
                }

                break;
            default:
                var nested = reader.ReadLength(1, 16);
                for (var i = 0; i < nested && !reader.Failed; i++)
                {
                    ReadGenericData(ref reader, findings, depth + 1);
                }

                break;
        }
    }

    /// <summary>SEQUENCE OF OCTET STRING whose elements each hold one aligned-PER H.245 PDU (fastStart: an
    /// OpenLogicalChannel; h245Control/parallelH245Control: a MultimediaSystemControlMessage), walked in place.</summary>
    public static void ReadH245Elements(ref PerReader reader, H323Findings findings, bool openLogicalChannels)
    {
        var count = reader.ReadLengthDeterminant();
        for (var i = 0; i < count && !reader.Failed; i++)
        {
            var start = reader.SkipOctetString(0, -1, out var length);
            if (reader.Failed)
            {
                return;
            }

            var element = new PerReader(reader.Data, start, length);
            if (openLogicalChannels)
            {
                H245Walker.ReadOpenLogicalChannel(ref element, findings);
            }
            else
            {
                H245Walker.ReadMessage(ref element, findings);
            }

            if (element.Failed)
            {
                reader.Fail(element.Error);
            }
        }
    }

    /// <summary>Carries an error met inside an open type or OCTET STRING out to the reader of the enclosing PDU:
    /// a message with any part that cannot be read is not touched at all.</summary>
    public static void PropagateFrom(ref PerReader outer, in PerReader inner)
    {
        if (inner.Failed)
        {
            outer.Fail(inner.Error);
        }
    }
}
