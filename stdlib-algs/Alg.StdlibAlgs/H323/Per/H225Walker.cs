namespace Alg.StdlibAlgs.H323.Per;

/// <summary>
/// The walk over an H.225.0 call signalling message (ITU-T H.225.0 (12/2009) §7.6, ASN.1 module H323-MESSAGES,
/// version 7): <c>H323-UserInformation → h323-uu-pdu → h323-message-body</c> to every transport address of Setup,
/// CallProceeding, Connect, Alerting, Information, Facility and Progress, the fastStart OpenLogicalChannels, the
/// tunnelled H.245 of <c>h245Control</c> and <c>parallelH245Control</c>, and H.460 features (algs.md §14.4).
/// </summary>
/// <remarks>
/// Member order and root/extension positions follow the module text; extension additions are numbered from 0 in
/// the order the module lists them after its <c>...</c>. An error anywhere leaves <see cref="PerReader.Error"/> set
/// and the ALG forwards the message untouched.
/// </remarks>
public static class H225Walker
{
    /// <summary>H323-UserInformation { h323-uu-pdu H323-UU-PDU, user-data OPTIONAL, ... }; the walk ends with the
    /// H323-UU-PDU (nothing after it carries an address).</summary>
    public static void ReadUserInformation(ref PerReader reader, H323Findings findings)
    {
        reader.ReadBit();
        reader.ReadPresence(1);

        // H323-UU-PDU { h323-message-body CHOICE, nonStandardData OPTIONAL, ..., h4501SupplementaryService,
        // h245Tunnelling, h245Control, nonStandardControl, callLinkage, tunnelledSignallingMessage,
        // provisionalRespToH245Tunnelling, stimulusControl, genericData }
        var extended = reader.ReadBit();
        var hasNonStandard = reader.ReadBit();
        var body = reader.ReadChoice(H225Body.RootCount, true, out var bodyExtension);
        if (bodyExtension)
        {
            findings.Message = H225Body.RootCount + body;
            reader.ReadOpenType(out var start, out var length);
            if (findings.Message == H225Body.Progress && !reader.Failed)
            {
                var progress = new PerReader(reader.Data, start, length);
                ReadProgress(ref progress, findings);
                H225Types.PropagateFrom(ref reader, in progress);
            }
        }
        else
        {
            findings.Message = body;
            ReadRootBody(ref reader, findings, body);
        }

        if (hasNonStandard)
        {
            H225Types.SkipNonStandardParameter(ref reader);
        }

        if (!extended)
        {
            return;
        }

        var present = reader.ReadExtensionPresence(out var count);
        for (var i = 0; i < count && !reader.Failed; i++)
        {
            if ((present & (1UL << i)) == 0)
            {
                continue;
            }

            reader.ReadOpenType(out var start, out var length);
            var addition = new PerReader(reader.Data, start, length);
            switch (i)
            {
                case 2:
                    findings.Tunnelled = true;
                    H225Types.ReadH245Elements(ref addition, findings, openLogicalChannels: false);
                    break;
                case 8:
                    H225Types.ReadGenericDataList(ref addition, findings);
                    break;
            }

            H225Types.PropagateFrom(ref reader, in addition);
        }
    }

    private static void ReadRootBody(ref PerReader reader, H323Findings findings, int body)
    {
        switch (body)
        {
            case H225Body.Setup:
                ReadSetup(ref reader, findings);
                break;
            case H225Body.CallProceeding:
                ReadProceedingOrAlerting(ref reader, findings, fastStartIndex: 4, featureSetIndex: 8);
                break;
            case H225Body.Connect:
                ReadConnect(ref reader, findings);
                break;
            case H225Body.Alerting:
                ReadProceedingOrAlerting(ref reader, findings, fastStartIndex: 4, featureSetIndex: 13);
                break;
            case H225Body.Information:
                // Information-UUIE { protocolIdentifier, ..., callIdentifier, tokens, cryptoTokens, fastStart, ... }
                var informationExtended = reader.ReadBit();
                reader.ReadObjectIdentifier(out _);
                ReadAdditions(ref reader, findings, informationExtended, fastStartIndex: 3, featureSetIndex: -1, h245AddressIndex: -1);
                break;
            case H225Body.ReleaseComplete:
                // ReleaseComplete-UUIE { protocolIdentifier, reason ReleaseCompleteReason OPTIONAL, ... }
                var releaseExtended = reader.ReadBit();
                var hasReason = reader.ReadBit();
                reader.ReadObjectIdentifier(out _);
                if (hasReason)
                {
                    SkipReleaseCompleteReason(ref reader);
                }

                reader.SkipExtensions(releaseExtended);
                break;
            default:
                ReadFacility(ref reader, findings);
                break;
        }
    }

    /// <summary>Setup-UUIE: h245Address and destCallSignalAddress are root OPTIONALs, sourceCallSignalAddress (0),
    /// fastStart (6), needed/desired/supportedFeatures (21–23) and parallelH245Control (24) extension additions.</summary>
    private static void ReadSetup(ref PerReader reader, H323Findings findings)
    {
        var extended = reader.ReadBit();

        // OPTIONAL root members: h245Address, sourceAddress, destinationAddress, destCallSignalAddress,
        // destExtraCallInfo, destExtraCRV, callServices.
        var present = reader.ReadPresence(7);
        reader.ReadObjectIdentifier(out _);
        if ((present & 0x40) != 0)
        {
            H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.H245Address, record: true);
        }

        if ((present & 0x20) != 0)
        {
            H225Types.SkipAliasAddresses(ref reader);
        }

        H225Types.SkipEndpointType(ref reader);
        if ((present & 0x10) != 0)
        {
            H225Types.SkipAliasAddresses(ref reader);
        }

        if ((present & 0x08) != 0)
        {
            H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.DestCallSignalAddress, record: true);
        }

        if ((present & 0x04) != 0)
        {
            H225Types.SkipAliasAddresses(ref reader);
        }

        if ((present & 0x02) != 0)
        {
            var references = reader.ReadLengthDeterminant();
            for (var i = 0; i < references && !reader.Failed; i++)
            {
                reader.ReadConstrained(0, 65535);
            }
        }

        reader.SkipBits(1);
        reader.SkipOctets(16);
        H225Types.SkipNullChoice(ref reader, 3);
        if ((present & 0x01) != 0)
        {
            H225Types.SkipQseriesOptions(ref reader);
        }

        H225Types.SkipNullChoice(ref reader, 4);
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
            switch (i)
            {
                case 0:
                    H225Types.ReadTransportAddress(ref addition, findings, H323AddressKind.SourceCallSignalAddress, record: true);
                    break;
                case 6:
                    H225Types.ReadH245Elements(ref addition, findings, openLogicalChannels: true);
                    break;
                case 21:
                case 22:
                case 23:
                    H225Types.ReadGenericDataList(ref addition, findings);
                    break;
                case 24:
                    findings.Tunnelled = true;
                    H225Types.ReadH245Elements(ref addition, findings, openLogicalChannels: false);
                    break;
            }

            H225Types.PropagateFrom(ref reader, in addition);
        }
    }

    /// <summary>CallProceeding-UUIE and Alerting-UUIE { protocolIdentifier, destinationInfo EndpointType,
    /// h245Address OPTIONAL, ..., callIdentifier, h245SecurityMode, tokens, cryptoTokens, fastStart, ... }.</summary>
    private static void ReadProceedingOrAlerting(ref PerReader reader, H323Findings findings, int fastStartIndex, int featureSetIndex)
    {
        var extended = reader.ReadBit();
        var hasH245Address = reader.ReadBit();
        reader.ReadObjectIdentifier(out _);
        H225Types.SkipEndpointType(ref reader);
        if (hasH245Address)
        {
            H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.H245Address, record: true);
        }

        ReadAdditions(ref reader, findings, extended, fastStartIndex, featureSetIndex, h245AddressIndex: -1);
    }

    /// <summary>Connect-UUIE { protocolIdentifier, h245Address OPTIONAL, destinationInfo, conferenceID, ...,
    /// callIdentifier, h245SecurityMode, tokens, cryptoTokens, fastStart (4), …, featureSet (14), ... }.</summary>
    private static void ReadConnect(ref PerReader reader, H323Findings findings)
    {
        var extended = reader.ReadBit();
        var hasH245Address = reader.ReadBit();
        reader.ReadObjectIdentifier(out _);
        if (hasH245Address)
        {
            H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.H245Address, record: true);
        }

        H225Types.SkipEndpointType(ref reader);
        reader.SkipOctets(16);
        ReadAdditions(ref reader, findings, extended, fastStartIndex: 4, featureSetIndex: 14, h245AddressIndex: -1);
    }

    /// <summary>Facility-UUIE { protocolIdentifier, alternativeAddress OPTIONAL, alternativeAliasAddress OPTIONAL,
    /// conferenceID OPTIONAL, reason FacilityReason, ..., h245Address (6), fastStart (7), featureSet (13), ... }.</summary>
    private static void ReadFacility(ref PerReader reader, H323Findings findings)
    {
        var extended = reader.ReadBit();
        var present = reader.ReadPresence(3);
        reader.ReadObjectIdentifier(out _);
        if ((present & 0x4) != 0)
        {
            H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.AlternativeAddress, record: true);
        }

        if ((present & 0x2) != 0)
        {
            H225Types.SkipAliasAddresses(ref reader);
        }

        if ((present & 0x1) != 0)
        {
            reader.SkipOctets(16);
        }

        // FacilityReason: routeCallToGatekeeper, callForwarded, routeCallToMC, undefinedReason, ..., (additions).
        findings.FacilityReason = H225Types.SkipNullChoice(ref reader, 4);
        ReadAdditions(ref reader, findings, extended, fastStartIndex: 7, featureSetIndex: 13, h245AddressIndex: 6);
    }

    /// <summary>Progress-UUIE (an extension alternative of the body, so read from its open type) { protocolIdentifier,
    /// destinationInfo, h245Address OPTIONAL, callIdentifier, h245SecurityMode OPTIONAL, tokens OPTIONAL,
    /// cryptoTokens OPTIONAL, fastStart OPTIONAL, ... }: here fastStart is a root member.</summary>
    private static void ReadProgress(ref PerReader reader, H323Findings findings)
    {
        reader.ReadBit();
        var present = reader.ReadPresence(5);
        reader.ReadObjectIdentifier(out _);
        H225Types.SkipEndpointType(ref reader);
        if ((present & 0x10) != 0)
        {
            H225Types.ReadTransportAddress(ref reader, findings, H323AddressKind.H245Address, record: true);
        }

        H225Types.SkipCallIdentifier(ref reader);
        if ((present & 0x08) != 0)
        {
            H225Types.SkipH245Security(ref reader);
        }

        if ((present & 0x06) != 0)
        {
            // H.235 tokens before fastStart: not decoded (H235-SECURITY-MESSAGES lies off the address paths). The
            // open type bounds what follows, so the walk stops here without error; a fastStart after them is not read.
            return;
        }

        if ((present & 0x01) != 0)
        {
            H225Types.ReadH245Elements(ref reader, findings, openLogicalChannels: true);
        }
    }

    /// <summary>The extension additions of a UUIE: fastStart, featureSet and (Facility) h245Address by index.</summary>
    private static void ReadAdditions(ref PerReader reader, H323Findings findings, bool extended, int fastStartIndex, int featureSetIndex, int h245AddressIndex)
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
            if (i == fastStartIndex)
            {
                H225Types.ReadH245Elements(ref addition, findings, openLogicalChannels: true);
            }
            else if (i == featureSetIndex)
            {
                H225Types.ReadFeatureSet(ref addition, findings);
            }
            else if (i == h245AddressIndex)
            {
                H225Types.ReadTransportAddress(ref addition, findings, H323AddressKind.H245Address, record: true);
            }

            H225Types.PropagateFrom(ref reader, in addition);
        }
    }

    /// <summary>ReleaseCompleteReason: 12 NULL root alternatives, extension alternatives as open types.</summary>
    private static void SkipReleaseCompleteReason(ref PerReader reader) => H225Types.SkipNullChoice(ref reader, 12);
}
