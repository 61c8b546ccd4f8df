namespace Alg.StdlibAlgs.H323.Per;

/// <summary>
/// The walk over a RAS message (ITU-T H.225.0 (12/2009) §7.7–§7.16, RasMessage in H323-MESSAGES): the addresses of
/// GRQ, GCF, RRQ, RCF, URQ, ARQ, ACF, LRQ, LCF and IRR, the granted time-to-live, keepAlive, and H.460 features in
/// the registration messages and in ServiceControlIndication/Response (algs.md §4.2, §4.6, §14.4).
/// </summary>
/// <remarks>Messages whose addresses all come early (URQ, ARQ, ACF, LRQ, LCF, IRR) are read up to the last address:
/// nothing after it is rewritten or acted on.</remarks>
public static class RasWalker
{
    public static void Read(ref PerReader reader, H323Findings findings)
    {
        var index = reader.ReadChoice(RasBody.RootCount, true, out var extension);
        if (reader.Failed)
        {
            return;
        }

        if (extension)
        {
            findings.Message = RasBody.RootCount + index;
            reader.ReadOpenType(out var start, out var length);
            if (!reader.Failed && findings.Message is RasBody.ServiceControlIndication or RasBody.ServiceControlResponse)
            {
                var control = new PerReader(reader.Data, start, length);
                ReadServiceControl(ref control, findings, findings.Message == RasBody.ServiceControlIndication);
                H225Types.PropagateFrom(ref reader, in control);
            }

            return;
        }

        findings.Message = index;
        switch (index)
        {
            case RasBody.GatekeeperRequest:
                ReadGatekeeperRequest(ref reader, findings);
                break;
            case RasBody.GatekeeperConfirm:
                ReadGatekeeperConfirm(ref reader, findings);
                break;
            case RasBody.RegistrationRequest:
                ReadRegistrationRequest(ref reader, findings);
                break;
            case RasBody.RegistrationConfirm:
                ReadRegistrationConfirm(ref reader, findings);
                break;
            case RasBody.UnregistrationRequest:
                // URQ { requestSeqNum, callSignalAddress SEQUENCE OF TransportAddress, endpointAlias OPTIONAL, … }
                reader.ReadBit();
                reader.ReadPresence(3);
                reader.ReadConstrained(1, 65535);
                H225Types.ReadTransportAddresses(ref reader, findings, H323AddressKind.CallSignalAddress, record: true);
                break;
            case RasBody.AdmissionRequest:
                ReadAdmissionRequest(ref reader, findings);
                break;
            case RasBody.AdmissionConfirm:
                // ACF { requestSeqNum, bandWidth, callModel, destCallSignalAddress, irrFrequency OPTIONAL, nonStandardData OPTIONAL, ... }
                reader.ReadBit();
                reader.ReadPresence(2);
                reader.ReadConstrained(1, 65535);
                reader.ReadConstrained(0, 4294967295);
                H225Types.SkipNullChoice(ref reader, 2);
                H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.DestCallSignalAddress, record: true);
                break;
            case RasBody.LocationRequest:
            {
                // LRQ { requestSeqNum, endpointIdentifier OPTIONAL, destinationInfo, nonStandardData OPTIONAL, replyAddress, ... }
                reader.ReadBit();
                var present = reader.ReadPresence(2);
                reader.ReadConstrained(1, 65535);
                if ((present & 0x2) != 0)
                {
                    H225Types.SkipIdentifier(ref reader);
                }

                H225Types.SkipAliasAddresses(ref reader);
                if ((present & 0x1) != 0)
                {
                    H225Types.SkipNonStandardParameter(ref reader);
                }

                H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.ReplyAddress, record: true);
                break;
            }

            case RasBody.LocationConfirm:
                // LCF { requestSeqNum, callSignalAddress, rasAddress, nonStandardData OPTIONAL, ... }
                reader.ReadBit();
                reader.ReadPresence(1);
                reader.ReadConstrained(1, 65535);
                H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.CallSignalAddress, record: true);
                H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.RasAddress, record: true);
                break;
            case RasBody.InfoRequestResponse:
            {
                // IRR { nonStandardData OPTIONAL, requestSeqNum, endpointType, endpointIdentifier, rasAddress,
                // callSignalAddress SEQUENCE OF, endpointAlias OPTIONAL, perCallInfo OPTIONAL, ... }
                reader.ReadBit();
                var present = reader.ReadPresence(3);
                if ((present & 0x4) != 0)
                {
                    H225Types.SkipNonStandardParameter(ref reader);
                }

                reader.ReadConstrained(1, 65535);
                H225Types.SkipEndpointType(ref reader);
                H225Types.SkipIdentifier(ref reader);
                H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.RasAddress, record: true);
                H225Types.ReadTransportAddresses(ref reader, findings, H323AddressKind.CallSignalAddress, record: true);
                break;
            }
        }
    }

    /// <summary>GRQ { requestSeqNum, protocolIdentifier, nonStandardData OPTIONAL, rasAddress, endpointType,
    /// gatekeeperIdentifier OPTIONAL, callServices OPTIONAL, endpointAlias OPTIONAL, ..., featureSet (8), genericData (9), ... }.</summary>
    private static void ReadGatekeeperRequest(ref PerReader reader, H323Findings findings)
    {
        var extended = reader.ReadBit();
        var present = reader.ReadPresence(4);
        reader.ReadConstrained(1, 65535);
        reader.ReadObjectIdentifier(out _);
        if ((present & 0x8) != 0)
        {
            H225Types.SkipNonStandardParameter(ref reader);
        }

        H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.RasAddress, record: true);
        H225Types.SkipEndpointType(ref reader);
        if ((present & 0x4) != 0)
        {
            H225Types.SkipIdentifier(ref reader);
        }

        if ((present & 0x2) != 0)
        {
            H225Types.SkipQseriesOptions(ref reader);
        }

        if ((present & 0x1) != 0)
        {
            H225Types.SkipAliasAddresses(ref reader);
        }

        ReadAdditions(ref reader, findings, extended, timeToLiveIndex: -1, keepAliveIndex: -1, featureSetIndex: 8, genericDataIndex: 9);
    }

    /// <summary>GCF { requestSeqNum, protocolIdentifier, nonStandardData OPTIONAL, gatekeeperIdentifier OPTIONAL,
    /// rasAddress, ..., featureSet (7), genericData (8), ... }.</summary>
    private static void ReadGatekeeperConfirm(ref PerReader reader, H323Findings findings)
    {
        var extended = reader.ReadBit();
        var present = reader.ReadPresence(2);
        reader.ReadConstrained(1, 65535);
        reader.ReadObjectIdentifier(out _);
        if ((present & 0x2) != 0)
        {
            H225Types.SkipNonStandardParameter(ref reader);
        }

        if ((present & 0x1) != 0)
        {
            H225Types.SkipIdentifier(ref reader);
        }

        H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.RasAddress, record: true);
        ReadAdditions(ref reader, findings, extended, timeToLiveIndex: -1, keepAliveIndex: -1, featureSetIndex: 7, genericDataIndex: 8);
    }

    /// <summary>RRQ { requestSeqNum, protocolIdentifier, nonStandardData OPTIONAL, discoveryComplete BOOLEAN,
    /// callSignalAddress SEQUENCE OF, rasAddress SEQUENCE OF, terminalType EndpointType, terminalAlias OPTIONAL,
    /// gatekeeperIdentifier OPTIONAL, endpointVendor VendorIdentifier, ..., timeToLive (1), keepAlive (5),
    /// featureSet (19), genericData (20), ... }.</summary>
    private static void ReadRegistrationRequest(ref PerReader reader, H323Findings findings)
    {
        var extended = reader.ReadBit();
        var present = reader.ReadPresence(3);
        reader.ReadConstrained(1, 65535);
        reader.ReadObjectIdentifier(out _);
        if ((present & 0x4) != 0)
        {
            H225Types.SkipNonStandardParameter(ref reader);
        }

        reader.SkipBits(1);
        H225Types.ReadTransportAddresses(ref reader, findings, H323AddressKind.CallSignalAddress, record: true);
        H225Types.ReadTransportAddresses(ref reader, findings, H323AddressKind.RasAddress, record: true);
        H225Types.SkipEndpointType(ref reader);
        if ((present & 0x2) != 0)
        {
            H225Types.SkipAliasAddresses(ref reader);
        }

        if ((present & 0x1) != 0)
        {
            H225Types.SkipIdentifier(ref reader);
        }

        H225Types.SkipVendorIdentifier(ref reader);
        ReadAdditions(ref reader, findings, extended, timeToLiveIndex: 1, keepAliveIndex: 5, featureSetIndex: 19, genericDataIndex: 20);
    }

    /// <summary>RCF { requestSeqNum, protocolIdentifier, nonStandardData OPTIONAL, callSignalAddress SEQUENCE OF,
    /// terminalAlias OPTIONAL, gatekeeperIdentifier OPTIONAL, endpointIdentifier, ..., timeToLive (1),
    /// featureSet (15), genericData (16), ... }.</summary>
    private static void ReadRegistrationConfirm(ref PerReader reader, H323Findings findings)
    {
        var extended = reader.ReadBit();
        var present = reader.ReadPresence(3);
        reader.ReadConstrained(1, 65535);
        reader.ReadObjectIdentifier(out _);
        if ((present & 0x4) != 0)
        {
            H225Types.SkipNonStandardParameter(ref reader);
        }

        H225Types.ReadTransportAddresses(ref reader, findings, H323AddressKind.CallSignalAddress, record: true);
        if ((present & 0x2) != 0)
        {
            H225Types.SkipAliasAddresses(ref reader);
        }

        if ((present & 0x1) != 0)
        {
            H225Types.SkipIdentifier(ref reader);
        }

        H225Types.SkipIdentifier(ref reader);
        ReadAdditions(ref reader, findings, extended, timeToLiveIndex: 1, keepAliveIndex: -1, featureSetIndex: 15, genericDataIndex: 16);
    }

    /// <summary>ARQ { requestSeqNum, callType, callModel OPTIONAL, endpointIdentifier, destinationInfo OPTIONAL,
    /// destCallSignalAddress OPTIONAL, destExtraCallInfo OPTIONAL, srcInfo, srcCallSignalAddress OPTIONAL, … }.</summary>
    private static void ReadAdmissionRequest(ref PerReader reader, H323Findings findings)
    {
        reader.ReadBit();
        var present = reader.ReadPresence(7);
        reader.ReadConstrained(1, 65535);
        H225Types.SkipNullChoice(ref reader, 4);
        if ((present & 0x40) != 0)
        {
            H225Types.SkipNullChoice(ref reader, 2);
        }

        H225Types.SkipIdentifier(ref reader);
        if ((present & 0x20) != 0)
        {
            H225Types.SkipAliasAddresses(ref reader);
        }

        if ((present & 0x10) != 0)
        {
            H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.DestCallSignalAddress, record: true);
        }

        if ((present & 0x08) != 0)
        {
            H225Types.SkipAliasAddresses(ref reader);
        }

        H225Types.SkipAliasAddresses(ref reader);
        if ((present & 0x04) != 0)
        {
            H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.SourceCallSignalAddress, record: true);
        }
    }

    /// <summary>SCI { requestSeqNum, nonStandardData OPTIONAL, serviceControl SEQUENCE OF ServiceControlSession,
    /// endpointIdentifier OPTIONAL, callSpecific OPTIONAL, tokens, cryptoTokens, integrityCheckValue, featureSet,
    /// genericData (all OPTIONAL), ... } and SCR { requestSeqNum, result CHOICE OPTIONAL, nonStandardData OPTIONAL,
    /// tokens, cryptoTokens, integrityCheckValue, featureSet, genericData (all OPTIONAL), ... }: H.460.18 announces an
    /// incoming call in SCI generic data, answered by SCR (algs.md §4.6). The features are read by their numbers; when
    /// H.235 tokens (not decoded: H235-SECURITY-MESSAGES lies off the address paths) come first, generic data present
    /// at all counts as traversal, SCI/SCR carrying little else in practice.</summary>
    private static void ReadServiceControl(ref PerReader reader, H323Findings findings, bool indication)
    {
        reader.ReadBit();
        var optional = indication ? 8 : 7;
        var present = reader.ReadPresence(optional);
        if (reader.Failed || (present & 0x3) == 0)
        {
            return;
        }

        if ((present & 0x1C) != 0)
        {
            findings.H460 = true;
            return;
        }

        reader.ReadConstrained(1, 65535);
        if (indication)
        {
            if ((present & 0x80) != 0)
            {
                H225Types.SkipNonStandardParameter(ref reader);
            }

            var sessions = reader.ReadLengthDeterminant();
            for (var i = 0; i < sessions && !reader.Failed; i++)
            {
                SkipServiceControlSession(ref reader);
            }

            if ((present & 0x40) != 0)
            {
                H225Types.SkipIdentifier(ref reader);
            }

            if ((present & 0x20) != 0)
            {
                // callSpecific { callIdentifier, conferenceID, answeredCall BOOLEAN, ... }
                var extended = reader.ReadBit();
                H225Types.SkipCallIdentifier(ref reader);
                reader.SkipOctets(16);
                reader.SkipBits(1);
                reader.SkipExtensions(extended);
            }
        }
        else
        {
            if ((present & 0x40) != 0)
            {
                H225Types.SkipNullChoice(ref reader, 5);
            }

            if ((present & 0x20) != 0)
            {
                H225Types.SkipNonStandardParameter(ref reader);
            }
        }

        if ((present & 0x2) != 0)
        {
            H225Types.ReadFeatureSet(ref reader, findings);
        }

        if ((present & 0x1) != 0)
        {
            H225Types.ReadGenericDataList(ref reader, findings);
        }
    }

    /// <summary>ServiceControlSession { sessionId INTEGER(0..255), contents ServiceControlDescriptor OPTIONAL, reason
    /// CHOICE { open, refresh, close, ... }, ... }.</summary>
    private static void SkipServiceControlSession(ref PerReader reader)
    {
        var extended = reader.ReadBit();
        var hasContents = reader.ReadBit();
        reader.ReadConstrained(0, 255);
        if (hasContents)
        {
            // ServiceControlDescriptor: CHOICE { url IA5String(SIZE(0..512)), signal H248SignalsDescriptor (OCTET
            // STRING), nonStandard, callCreditServiceControl, ... }
            var index = reader.ReadChoice(4, true, out var extension);
            if (extension)
            {
                reader.SkipOpenType();
            }
            else
            {
                switch (index)
                {
                    case 0:
                        reader.SkipCharacterString(0, 512, 8);
                        break;
                    case 1:
                        reader.SkipOctetString(0, -1, out _);
                        break;
                    case 2:
                        H225Types.SkipNonStandardParameter(ref reader);
                        break;
                    default:
                        SkipCallCreditServiceControl(ref reader);
                        break;
                }
            }
        }

        H225Types.SkipNullChoice(ref reader, 3);
        reader.SkipExtensions(extended);
    }

    /// <summary>CallCreditServiceControl { amountString BMPString(SIZE(1..512)), billingMode CHOICE { credit, debit,
    /// ... }, callDurationLimit INTEGER(1..4294967295), enforceCallDurationLimit BOOLEAN, callStartingPoint CHOICE
    /// { alerting, connect, ... } (all OPTIONAL), ... }.</summary>
    private static void SkipCallCreditServiceControl(ref PerReader reader)
    {
        var extended = reader.ReadBit();
        var present = reader.ReadPresence(5);
        if ((present & 0x10) != 0)
        {
            reader.SkipCharacterString(1, 512, 16);
        }

        if ((present & 0x08) != 0)
        {
            H225Types.SkipNullChoice(ref reader, 2);
        }

        if ((present & 0x04) != 0)
        {
            reader.ReadConstrained(1, 4294967295);
        }

        if ((present & 0x02) != 0)
        {
            reader.SkipBits(1);
        }

        if ((present & 0x01) != 0)
        {
            H225Types.SkipNullChoice(ref reader, 2);
        }

        reader.SkipExtensions(extended);
    }

    private static void ReadAdditions(ref PerReader reader, H323Findings findings, bool extended, int timeToLiveIndex, int keepAliveIndex, int featureSetIndex, int genericDataIndex)
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
            if (i == timeToLiveIndex)
            {
                findings.TimeToLive = addition.ReadConstrained(1, 4294967295);
            }
            else if (i == keepAliveIndex)
            {
                findings.KeepAlive = addition.ReadBit();
            }
            else if (i == featureSetIndex)
            {
                H225Types.ReadFeatureSet(ref addition, findings);
            }
            else if (i == genericDataIndex)
            {
                H225Types.ReadGenericDataList(ref addition, findings);
            }

            H225Types.PropagateFrom(ref reader, in addition);
        }
    }
}
