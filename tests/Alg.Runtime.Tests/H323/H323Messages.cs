using Alg.StdlibAlgs.H323;
using Alg.StdlibAlgs.H323.Per;

namespace Alg.Runtime.Tests.H323;

/// <summary>Reads the addresses of an H.323 message (a TPKT of call signalling or H.245, or a RAS datagram) with the
/// ALG's own walk, to check what a rewritten message says.</summary>
internal static class H323Messages
{
    public enum Kind
    {
        CallSignalling,
        H245,
        Ras,
    }

    public static Kind KindOf(string vector) => H323Vectors.IsRas(vector) ? Kind.Ras : H323Vectors.IsH245(vector) ? Kind.H245 : Kind.CallSignalling;

    /// <summary>Walks one message; returns the decode error (None when read whole).</summary>
    public static H323DecodeError Read(ReadOnlySpan<byte> bytes, Kind kind, H323Findings findings)
    {
        findings.Reset();
        if (kind == Kind.Ras)
        {
            var ras = new PerReader(bytes);
            RasWalker.Read(ref ras, findings);
            return ras.Error;
        }

        if (Q931Parser.ReadTpkt(bytes, out var length) != TpktStatus.Complete)
        {
            return H323DecodeError.BadTpkt;
        }

        if (kind == Kind.H245)
        {
            var h245 = new PerReader(bytes, Q931Parser.TpktHeaderLength, length - Q931Parser.TpktHeaderLength);
            H245Walker.ReadMessage(ref h245, findings);
            return h245.Error;
        }

        var error = Q931Parser.TryParse(bytes[Q931Parser.TpktHeaderLength..length], Q931Parser.TpktHeaderLength, out var message);
        if (error != H323DecodeError.None || message.UserInformationStart < 0)
        {
            return error;
        }

        var reader = new PerReader(bytes, message.UserInformationStart, message.UserInformationLength);
        H225Walker.ReadUserInformation(ref reader, findings);
        return reader.Error;
    }

    /// <summary>The addresses of a message as (kind, "a.b.c.d:port") pairs, in walk order.</summary>
    public static List<(H323AddressKind Kind, string Endpoint)> Addresses(ReadOnlySpan<byte> bytes, Kind kind)
    {
        var findings = new H323Findings();
        var error = Read(bytes, kind, findings);
        Assert.Equal(H323DecodeError.None, error);
        var list = new List<(H323AddressKind, string)>();
        for (var i = 0; i < findings.Count; i++)
        {
            var field = findings[i];
            if (field.Kind != H323AddressKind.ChannelClosed)
            {
                list.Add((field.Kind, $"{field.Address >> 24}.{(field.Address >> 16) & 255}.{(field.Address >> 8) & 255}.{field.Address & 255}:{field.Port}"));
            }
        }

        return list;
    }
}
