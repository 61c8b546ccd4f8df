namespace Alg.StdlibAlgs.H323.Per;

/// <summary>
/// The walk over an H.245 message (ITU-T H.245, ASN.1 module MULTIMEDIA-SYSTEM-CONTROL): OpenLogicalChannel and
/// OpenLogicalChannelAck to their H2250LogicalChannel(Ack)Parameters mediaChannel / mediaControlChannel (forward and
/// reverse) and separateStack (T.120), CloseLogicalChannel and endSessionCommand, and H.460.19 genericInformation
/// (algs.md §4.2, §14.4).
/// </summary>
/// <remarks>
/// <para>In H.323 the multiplex parameters are always h2250LogicalChannelParameters, an extension alternative of
/// the CHOICE, so an open type: what follows the media addresses in it needs no decoding. The dataType before them
/// is a root member and is skipped exactly (DataType, VideoCapability, AudioCapability, DataApplicationCapability,
/// EncryptionMode roots as in H.245 v2 onwards; later versions only added extension alternatives, skipped by their
/// length). H.222/H.223/V.76 multiplex parameters (not H.323) are refused.</para>
/// </remarks>
public static class H245Walker
{
    /// <summary>MultimediaSystemControlMessage: CHOICE { request, response, command, indication, ... }.</summary>
    public static void ReadMessage(ref PerReader reader, H323Findings findings)
    {
        var kind = reader.ReadChoice(4, true, out var extension);
        if (extension || reader.Failed)
        {
            return;
        }

        switch (kind)
        {
            case 0:
                // RequestMessage: 11 root alternatives; openLogicalChannel 3, closeLogicalChannel 4.
                var request = reader.ReadChoice(11, true, out var requestExtension);
                if (requestExtension)
                {
                    return;
                }

                if (request == 3)
                {
                    ReadOpenLogicalChannel(ref reader, findings);
                }
                else if (request == 4)
                {
                    // CloseLogicalChannel { forwardLogicalChannelNumber, source CHOICE {user, lcse}, ... }
                    reader.ReadBit();
                    var channel = (ushort)reader.ReadConstrained(1, 65535);
                    if (!reader.Failed && !findings.TryAdd(new H323AddressField(H323AddressKind.ChannelClosed, -1, 0, 0, channel)))
                    {
                        reader.Fail(H323DecodeError.TooManyAddresses);
                    }
                }

                break;
            case 1:
                // ResponseMessage: 19 root alternatives; openLogicalChannelAck 5.
                var response = reader.ReadChoice(19, true, out var responseExtension);
                if (!responseExtension && response == 5)
                {
                    ReadOpenLogicalChannelAck(ref reader, findings);
                }

                break;
            case 2:
                // CommandMessage: 7 root alternatives; endSessionCommand 5.
                var command = reader.ReadChoice(7, true, out var commandExtension);
                if (!commandExtension && command == 5)
                {
                    findings.EndSession = true;
                }

                break;
        }
    }

    /// <summary>OpenLogicalChannel { forwardLogicalChannelNumber, forwardLogicalChannelParameters,
    /// reverseLogicalChannelParameters OPTIONAL, ..., separateStack (0), encryptionSync (1), genericInformation (2) }.</summary>
    public static void ReadOpenLogicalChannel(ref PerReader reader, H323Findings findings)
    {
        var extended = reader.ReadBit();
        var hasReverse = reader.ReadBit();
        var channel = (ushort)reader.ReadConstrained(1, 65535);

        // forwardLogicalChannelParameters { portNumber INTEGER(0..65535) OPTIONAL, dataType, multiplexParameters
        // CHOICE { h222, h223, v76, ..., h2250LogicalChannelParameters, ... }, ... }
        var forwardExtended = reader.ReadBit();
        if (reader.ReadBit())
        {
            reader.ReadConstrained(0, 65535);
        }

        SkipDataType(ref reader);
        ReadMultiplexParameters(ref reader, findings, rootAlternatives: 3, channel, peerChannel: false);
        reader.SkipExtensions(forwardExtended);

        if (hasReverse)
        {
            // reverseLogicalChannelParameters { dataType, multiplexParameters CHOICE { h223, v76, ..., h2250, ... } OPTIONAL, ... }
            var reverseExtended = reader.ReadBit();
            var hasMultiplex = reader.ReadBit();
            SkipDataType(ref reader);
            if (hasMultiplex)
            {
                ReadMultiplexParameters(ref reader, findings, rootAlternatives: 2, channel, peerChannel: false);
            }

            reader.SkipExtensions(reverseExtended);
        }

        ReadChannelAdditions(ref reader, findings, extended, channel, separateStackIndex: 0, genericInformationIndex: 2, forwardMultiplexAckIndex: -1);
    }

    /// <summary>OpenLogicalChannelAck { forwardLogicalChannelNumber, reverseLogicalChannelParameters OPTIONAL, ...,
    /// separateStack (0), forwardMultiplexAckParameters (1), encryptionSync (2), genericInformation (3) }.</summary>
    public static void ReadOpenLogicalChannelAck(ref PerReader reader, H323Findings findings)
    {
        var extended = reader.ReadBit();
        var hasReverse = reader.ReadBit();
        var channel = (ushort)reader.ReadConstrained(1, 65535);
        if (hasReverse)
        {
            // { reverseLogicalChannelNumber, portNumber OPTIONAL, multiplexParameters CHOICE { h222, ..., h2250, ... } OPTIONAL, ... }
            var reverseExtended = reader.ReadBit();
            var present = reader.ReadPresence(2);
            reader.ReadConstrained(1, 65535);
            if ((present & 0x2) != 0)
            {
                reader.ReadConstrained(0, 65535);
            }

            if ((present & 0x1) != 0)
            {
                ReadMultiplexParameters(ref reader, findings, rootAlternatives: 1, channel, peerChannel: true);
            }

            reader.SkipExtensions(reverseExtended);
        }

        ReadChannelAdditions(ref reader, findings, extended, channel, separateStackIndex: 0, genericInformationIndex: 3, forwardMultiplexAckIndex: 1);
    }

    private static void ReadChannelAdditions(ref PerReader reader, H323Findings findings, bool extended, ushort channel, int separateStackIndex, int genericInformationIndex, int forwardMultiplexAckIndex)
    {
        if (!extended)
        {
            return;
        }

        var additions = reader.ReadExtensionPresence(out var count);
        for (var i = 0; i < count && !reader.Failed; i++)
        {
            if ((additions & (1UL << i)) == 0)
            {
                continue;
            }

            reader.ReadOpenType(out var start, out var length);
            var addition = new PerReader(reader.Data, start, length);
            if (i == separateStackIndex)
            {
                ReadNetworkAccessParameters(ref addition, findings, channel);
            }
            else if (i == forwardMultiplexAckIndex)
            {
                // CHOICE { h2250LogicalChannelAckParameters, ... }
                var index = addition.ReadChoice(1, true, out var ackExtension);
                if (!ackExtension && index == 0)
                {
                    ReadH2250AckParameters(ref addition, findings, channel);
                }
            }
            else if (i == genericInformationIndex)
            {
                ReadGenericInformation(ref addition, findings);
            }

            H225Types.PropagateFrom(ref reader, in addition);
        }
    }

    /// <summary>multiplexParameters: the root alternatives (H.222, H.223, V.76: not H.323) are refused; extension
    /// alternative 0 is h2250LogicalChannelParameters, read from its open type.</summary>
    private static void ReadMultiplexParameters(ref PerReader reader, H323Findings findings, int rootAlternatives, ushort channel, bool peerChannel)
    {
        var index = reader.ReadChoice(rootAlternatives, true, out var extension);
        if (!extension)
        {
            reader.Fail(H323DecodeError.UnsupportedAlternative);
            return;
        }

        reader.ReadOpenType(out var start, out var length);
        if (index != 0 || reader.Failed)
        {
            return;
        }

        var parameters = new PerReader(reader.Data, start, length);
        ReadH2250Parameters(ref parameters, findings, channel, peerChannel);
        H225Types.PropagateFrom(ref reader, in parameters);
    }

    /// <summary>H2250LogicalChannelParameters { nonStandard SEQUENCE OF OPTIONAL, sessionID INTEGER(0..255),
    /// associatedSessionID INTEGER(1..255) OPTIONAL, mediaChannel OPTIONAL, mediaGuaranteedDelivery OPTIONAL,
    /// mediaControlChannel OPTIONAL, … (10 OPTIONAL members in all), ... }: read up to mediaControlChannel.</summary>
    private static void ReadH2250Parameters(ref PerReader reader, H323Findings findings, ushort channel, bool peerChannel)
    {
        reader.ReadBit();
        var present = reader.ReadPresence(10);
        if ((present & 0x200) != 0)
        {
            SkipNonStandardParameters(ref reader);
        }

        reader.ReadConstrained(0, 255);
        if ((present & 0x100) != 0)
        {
            reader.ReadConstrained(1, 255);
        }

        if ((present & 0x080) != 0)
        {
            ReadTransportAddress(ref reader, findings, H323AddressKind.MediaChannel, channel, peerChannel);
        }

        if ((present & 0x040) != 0)
        {
            reader.SkipBits(1);
        }

        if ((present & 0x020) != 0)
        {
            ReadTransportAddress(ref reader, findings, H323AddressKind.MediaControlChannel, channel, peerChannel);
        }
    }

    /// <summary>H2250LogicalChannelAckParameters { nonStandard OPTIONAL, sessionID INTEGER(1..255) OPTIONAL,
    /// mediaChannel OPTIONAL, mediaControlChannel OPTIONAL, dynamicRTPPayloadType OPTIONAL, ... }.</summary>
    private static void ReadH2250AckParameters(ref PerReader reader, H323Findings findings, ushort channel)
    {
        reader.ReadBit();
        var present = reader.ReadPresence(5);
        if ((present & 0x10) != 0)
        {
            SkipNonStandardParameters(ref reader);
        }

        if ((present & 0x08) != 0)
        {
            reader.ReadConstrained(1, 255);
        }

        if ((present & 0x04) != 0)
        {
            ReadTransportAddress(ref reader, findings, H323AddressKind.MediaChannel, channel, peerChannel: true);
        }

        if ((present & 0x02) != 0)
        {
            ReadTransportAddress(ref reader, findings, H323AddressKind.MediaControlChannel, channel, peerChannel: true);
        }
    }

    /// <summary>NetworkAccessParameters { distribution CHOICE OPTIONAL, networkAddress CHOICE { q2931Address,
    /// e164Address, localAreaAddress TransportAddress, ... }, ... }: the T.120 address is localAreaAddress.</summary>
    private static void ReadNetworkAccessParameters(ref PerReader reader, H323Findings findings, ushort channel)
    {
        reader.ReadBit();
        var present = reader.ReadPresence(2);
        if ((present & 0x2) != 0)
        {
            // distribution: CHOICE { unicast NULL, multicast NULL, ... }
            reader.ReadChoice(2, true, out var distributionExtension);
            if (distributionExtension)
            {
                reader.SkipOpenType();
            }
        }

        var index = reader.ReadChoice(3, true, out var extension);
        if (!extension && index == 2)
        {
            ReadTransportAddress(ref reader, findings, H323AddressKind.SeparateStack, channel, peerChannel: false);
        }
    }

    /// <summary>genericInformation SEQUENCE OF GenericInformation (GenericMessage { messageIdentifier
    /// CapabilityIdentifier, subMessageIdentifier OPTIONAL, messageContent OPTIONAL, ... }): an H.460.19 traversal
    /// identifier (standard OID 0.0.8.460.19, or .18/.23/.24) marks the channel as an H.460 endpoint's.</summary>
    private static void ReadGenericInformation(ref PerReader reader, H323Findings findings)
    {
        var count = reader.ReadLengthDeterminant();
        if (count == 0 || reader.Failed)
        {
            return;
        }

        // Only the first identifier is needed to recognise the feature; the rest of the list is bounded by the
        // enclosing open type and is not decoded.
        reader.ReadBit();
        reader.ReadPresence(2);
        var index = reader.ReadChoice(4, true, out var extension);
        if (extension || index != 0)
        {
            return;
        }

        var start = reader.ReadObjectIdentifier(out var length);
        if (start >= 0 && IsH460Oid(reader.Data.Slice(start, length)))
        {
            findings.H460 = true;
        }
    }

    /// <summary>BER contents of an OBJECT IDENTIFIER {itu-t(0) recommendation(0) h(8) 460 n ...} with n a traversal feature.</summary>
    public static bool IsH460Oid(ReadOnlySpan<byte> oid)
    {
        // 0.0 → first octet 0; 8; 460 → 0x83 0x4C; then n (< 128: one octet).
        return oid.Length >= 5 && oid[0] == 0 && oid[1] == 8 && oid[2] == 0x83 && oid[3] == 0x4C && H225Types.IsTraversalFeature(oid[4]);
    }

    /// <summary>H.245 TransportAddress: CHOICE { unicastAddress UnicastAddress, multicastAddress, ... }; UnicastAddress
    /// CHOICE { iPAddress { network SIZE(4), tsapIdentifier, ... }, iPXAddress, iP6Address, netBios,
    /// iPSourceRouteAddress, ... }. Only unicast IPv4 is recorded (multicast is not translated or let in).</summary>
    private static void ReadTransportAddress(ref PerReader reader, H323Findings findings, H323AddressKind kind, ushort channel, bool peerChannel)
    {
        var family = reader.ReadChoice(2, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
            return;
        }

        if (family == 1)
        {
            // MulticastAddress { iPAddress { network(4), tsap, ... }, iP6Address { network(16), tsap, ... }, ... }
            var multicast = reader.ReadChoice(2, true, out var multicastExtension);
            if (multicastExtension)
            {
                reader.SkipOpenType();
                return;
            }

            var multicastExtended = reader.ReadBit();
            reader.SkipOctets(multicast == 0 ? 4 : 16);
            reader.ReadConstrained(0, 65535);
            reader.SkipExtensions(multicastExtended);
            return;
        }

        var index = reader.ReadChoice(5, true, out var unicastExtension);
        if (unicastExtension)
        {
            reader.SkipOpenType();
            return;
        }

        switch (index)
        {
            case 0:
                var ipExtended = reader.ReadBit();
                H225Types.RecordIpv4(ref reader, findings, kind, record: true, element: 0, channel, peerChannel);
                reader.SkipExtensions(ipExtended);
                break;
            case 1:
                var ipxExtended = reader.ReadBit();
                reader.SkipOctets(6);
                reader.SkipOctets(4);
                reader.SkipBits(16);
                reader.SkipExtensions(ipxExtended);
                break;
            case 2:
                var ip6Extended = reader.ReadBit();
                H225Types.RecordIpv6(ref reader, findings, kind, record: true, element: 0, channel, peerChannel);
                reader.SkipExtensions(ip6Extended);
                break;
            case 3:
                reader.SkipOctets(16);
                break;
            default:
                // iPSourceRouteAddress { routing CHOICE { strict, loose }, network(4), tsapIdentifier, route SEQUENCE OF (4), ... }
                var routeExtended = reader.ReadBit();
                reader.SkipBits(1);
                reader.SkipOctets(4);
                reader.ReadConstrained(0, 65535);
                var hops = reader.ReadLengthDeterminant();
                reader.SkipOctets((long)hops * 4);
                reader.SkipExtensions(routeExtended);
                break;
        }
    }

    private static void SkipNonStandardParameters(ref PerReader reader)
    {
        var count = reader.ReadLengthDeterminant();
        for (var i = 0; i < count && !reader.Failed; i++)
        {
            SkipNonStandardParameter(ref reader);
        }
    }

    /// <summary>H.245 NonStandardParameter { nonStandardIdentifier CHOICE { object OID, h221NonStandard { t35CountryCode
    /// INTEGER(0..255), t35Extension INTEGER(0..255), manufacturerCode INTEGER(0..65535) } }, data OCTET STRING }
    /// (no extension markers, unlike H.225.0's).</summary>
    public static void SkipNonStandardParameter(ref PerReader reader)
    {
        if (reader.ReadBit())
        {
            reader.ReadConstrained(0, 255);
            reader.ReadConstrained(0, 255);
            reader.ReadConstrained(0, 65535);
        }
        else
        {
            reader.ReadObjectIdentifier(out _);
        }

        reader.SkipOctetString(0, -1, out _);
    }

    /// <summary>DataType: CHOICE { nonStandard, nullData, videoData VideoCapability, audioData AudioCapability, data
    /// DataApplicationCapability, encryptionData EncryptionMode, ... }.</summary>
    public static void SkipDataType(ref PerReader reader)
    {
        var index = reader.ReadChoice(6, true, out var extension);
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
                H245Capabilities.SkipVideoCapability(ref reader);
                break;
            case 3:
                H245Capabilities.SkipAudioCapability(ref reader);
                break;
            case 4:
                H245Capabilities.SkipDataApplicationCapability(ref reader);
                break;
            case 5:
                // EncryptionMode: CHOICE { nonStandard, h233Encryption NULL, ... }
                var mode = reader.ReadChoice(2, true, out var modeExtension);
                if (modeExtension)
                {
                    reader.SkipOpenType();
                }
                else if (mode == 0)
                {
                    SkipNonStandardParameter(ref reader);
                }

                break;
        }
    }
}
