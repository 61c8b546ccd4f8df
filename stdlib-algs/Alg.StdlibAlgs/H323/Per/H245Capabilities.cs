namespace Alg.StdlibAlgs.H323.Per;

/// <summary>
/// The H.245 capability types an OpenLogicalChannel's dataType holds (MULTIMEDIA-SYSTEM-CONTROL, H.245 §6 "Capability
/// exchange definitions"), skipped exactly: their roots have been fixed since H.245 v2; newer codecs came as
/// extension alternatives and members, which are open types skipped by length.
/// </summary>
public static class H245Capabilities
{
    /// <summary>VideoCapability: CHOICE { nonStandard, h261VideoCapability, h262VideoCapability,
    /// h263VideoCapability, is11172VideoCapability, ... (genericVideoCapability, extendedVideoCapability …) }.</summary>
    public static void SkipVideoCapability(ref PerReader reader)
    {
        var index = reader.ReadChoice(5, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
            return;
        }

        switch (index)
        {
            case 0:
                H245Walker.SkipNonStandardParameter(ref reader);
                break;
            case 1:
            {
                // H261VideoCapability { qcifMPI INTEGER(1..4) OPTIONAL, cifMPI INTEGER(1..4) OPTIONAL,
                // temporalSpatialTradeOffCapability BOOLEAN, maxBitRate INTEGER(1..19200), stillImageTransmission BOOLEAN, ... }
                var extended = reader.ReadBit();
                var present = reader.ReadPresence(2);
                if ((present & 0x2) != 0)
                {
                    reader.ReadConstrained(1, 4);
                }

                if ((present & 0x1) != 0)
                {
                    reader.ReadConstrained(1, 4);
                }

                reader.SkipBits(1);
                reader.ReadConstrained(1, 19200);
                reader.SkipBits(1);
                reader.SkipExtensions(extended);
                break;
            }

            case 2:
            {
                // H262VideoCapability { 11 profileAndLevel BOOLEANs, videoBitRate, vbvBufferSize, samplesPerLine,
                // linesPerFrame, framesPerSecond, luminanceSampleRate (all OPTIONAL), ... }
                var extended = reader.ReadBit();
                var present = reader.ReadPresence(6);
                reader.SkipBits(11);
                SkipVideoRates(ref reader, present);
                reader.SkipExtensions(extended);
                break;
            }

            case 3:
            {
                // H263VideoCapability { sqcifMPI … cif16MPI INTEGER(1..32) OPTIONAL, maxBitRate INTEGER(1..192400),
                // unrestrictedVector, arithmeticCoding, advancedPrediction, pbFrames, temporalSpatialTradeOffCapability
                // BOOLEAN, hrd-B INTEGER(0..524287) OPTIONAL, bppMaxKb INTEGER(0..65535) OPTIONAL, ... }
                var extended = reader.ReadBit();
                var present = reader.ReadPresence(7);
                for (var bit = 6; bit >= 2; bit--)
                {
                    if ((present & (1u << bit)) != 0)
                    {
                        reader.ReadConstrained(1, 32);
                    }
                }

                reader.ReadConstrained(1, 192400);
                reader.SkipBits(5);
                if ((present & 0x2) != 0)
                {
                    reader.ReadConstrained(0, 524287);
                }

                if ((present & 0x1) != 0)
                {
                    reader.ReadConstrained(0, 65535);
                }

                reader.SkipExtensions(extended);
                break;
            }

            default:
            {
                // IS11172VideoCapability { constrainedBitstream BOOLEAN, videoBitRate … luminanceSampleRate (6 OPTIONAL), ... }
                var extended = reader.ReadBit();
                var present = reader.ReadPresence(6);
                reader.SkipBits(1);
                SkipVideoRates(ref reader, present);
                reader.SkipExtensions(extended);
                break;
            }
        }
    }

    /// <summary>videoBitRate INTEGER(0..1073741823), vbvBufferSize INTEGER(0..262143), samplesPerLine and
    /// linesPerFrame INTEGER(0..16383), frames/pictureRate INTEGER(0..15), luminanceSampleRate INTEGER(0..4294967295).</summary>
    private static void SkipVideoRates(ref PerReader reader, uint present)
    {
        if ((present & 0x20) != 0)
        {
            reader.ReadConstrained(0, 1073741823);
        }

        if ((present & 0x10) != 0)
        {
            reader.ReadConstrained(0, 262143);
        }

        if ((present & 0x08) != 0)
        {
            reader.ReadConstrained(0, 16383);
        }

        if ((present & 0x04) != 0)
        {
            reader.ReadConstrained(0, 16383);
        }

        if ((present & 0x02) != 0)
        {
            reader.ReadConstrained(0, 15);
        }

        if ((present & 0x01) != 0)
        {
            reader.ReadConstrained(0, 4294967295);
        }
    }

    /// <summary>AudioCapability: CHOICE { nonStandard, g711Alaw64k … g722-48k INTEGER(1..256), g7231 { maxAl-sduAudioFrames
    /// INTEGER(1..256), silenceSuppression BOOLEAN }, g728, g729, g729AnnexA INTEGER(1..256), is11172AudioCapability,
    /// is13818AudioCapability, ... } (14 root alternatives).</summary>
    public static void SkipAudioCapability(ref PerReader reader)
    {
        var index = reader.ReadChoice(14, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
            return;
        }

        switch (index)
        {
            case 0:
                H245Walker.SkipNonStandardParameter(ref reader);
                break;
            case 8:
                reader.ReadConstrained(1, 256);
                reader.SkipBits(1);
                break;
            case 12:
            {
                // IS11172AudioCapability { 8 BOOLEAN, bitRate INTEGER(1..448), ... }
                var extended = reader.ReadBit();
                reader.SkipBits(8);
                reader.ReadConstrained(1, 448);
                reader.SkipExtensions(extended);
                break;
            }

            case 13:
            {
                // IS13818AudioCapability { 20 BOOLEAN, bitRate INTEGER(1..1130), ... }
                var extended = reader.ReadBit();
                reader.SkipBits(20);
                reader.ReadConstrained(1, 1130);
                reader.SkipExtensions(extended);
                break;
            }

            default:
                reader.ReadConstrained(1, 256);
                break;
        }
    }

    /// <summary>DataApplicationCapability { application CHOICE { nonStandard, t120, dsm-cc, userData, t84 { t84Protocol,
    /// t84Profile }, t434, h224, nlpid { nlpidProtocol, nlpidData OCTET STRING }, dsvdControl NULL,
    /// h222DataPartitioning, ... }, maxBitRate INTEGER(0..4294967295), ... }.</summary>
    public static void SkipDataApplicationCapability(ref PerReader reader)
    {
        var extended = reader.ReadBit();
        var index = reader.ReadChoice(10, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
        }
        else
        {
            switch (index)
            {
                case 0:
                    H245Walker.SkipNonStandardParameter(ref reader);
                    break;
                case 4:
                    SkipDataProtocolCapability(ref reader);
                    SkipT84Profile(ref reader);
                    break;
                case 7:
                    SkipDataProtocolCapability(ref reader);
                    reader.SkipOctetString(0, -1, out _);
                    break;
                case 8:
                    break;
                default:
                    SkipDataProtocolCapability(ref reader);
                    break;
            }
        }

        reader.ReadConstrained(0, 4294967295);
        reader.SkipExtensions(extended);
    }

    /// <summary>DataProtocolCapability: CHOICE { nonStandard, v14buffered … transparent (NULLs), ..., separateLANStack … }.</summary>
    private static void SkipDataProtocolCapability(ref PerReader reader)
    {
        var index = reader.ReadChoice(7, true, out var extension);
        if (extension)
        {
            reader.SkipOpenType();
        }
        else if (index == 0)
        {
            H245Walker.SkipNonStandardParameter(ref reader);
        }
    }

    /// <summary>T84Profile: CHOICE { t84Unrestricted NULL, t84Restricted { 19 BOOLEAN, ... } }.</summary>
    private static void SkipT84Profile(ref PerReader reader)
    {
        if (!reader.ReadBit())
        {
            return;
        }

        var extended = reader.ReadBit();
        reader.SkipBits(19);
        reader.SkipExtensions(extended);
    }
}
