using System.Buffers.Binary;

namespace Alg.Runtime.Tests.IpsecNat;

/// <summary>IKE messages laid out as RFC 2408 §3.1 (IKEv1) and RFC 7296 §3.1 (IKEv2) describe them.</summary>
internal static class IkeMessages
{
    /// <summary>A header and the given payloads (each a type and its body; the chain's next-payload fields are filled).</summary>
    public static byte[] Message(byte version, byte exchange, byte flags, ulong initiatorSpi, params (byte Type, byte[] Body)[] payloads)
    {
        var length = 28 + payloads.Sum(p => 4 + p.Body.Length);
        var message = new byte[length];
        BinaryPrimitives.WriteUInt64BigEndian(message, initiatorSpi);
        message[16] = payloads.Length > 0 ? payloads[0].Type : (byte)0;
        message[17] = version;
        message[18] = exchange;
        message[19] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(24), (uint)length);
        var position = 28;
        for (var i = 0; i < payloads.Length; i++)
        {
            message[position] = i + 1 < payloads.Length ? payloads[i + 1].Type : (byte)0;
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(position + 2), (ushort)(4 + payloads[i].Body.Length));
            payloads[i].Body.CopyTo(message.AsSpan(position + 4));
            position += 4 + payloads[i].Body.Length;
        }

        return message;
    }

    /// <summary>IKEv2 IKE_SA_INIT (§1.2) with an SA, and with NAT_DETECTION_SOURCE_IP / _DESTINATION_IP (§2.23) when asked.</summary>
    public static byte[] IkeSaInit(ulong spi, bool natDetection) => natDetection
        ? Message(0x20, 34, 0x08, spi, (33, new byte[8]), (41, Notify(16388)), (41, Notify(16389)))
        : Message(0x20, 34, 0x08, spi, (33, new byte[8]));

    /// <summary>IKEv2 IKE_AUTH (§1.2): everything after the header in an Encrypted payload (§3.14).</summary>
    public static byte[] IkeAuth(ulong spi, bool response = false) => Message(0x20, 35, (byte)(response ? 0x20 : 0x08), spi, (46, new byte[64]));

    /// <summary>IKEv2 CREATE_CHILD_SA (§1.3), encrypted.</summary>
    public static byte[] CreateChildSa(ulong spi) => Message(0x20, 36, 0x08, spi, (46, new byte[48]));

    /// <summary>IKEv2 INFORMATIONAL (§1.4): a liveness check, encrypted.</summary>
    public static byte[] Informational(ulong spi) => Message(0x20, 37, 0x08, spi, (46, new byte[16]));

    /// <summary>IKEv1 Main Mode's third message with NAT-D payloads (RFC 3947 §3.2), in the clear.</summary>
    public static byte[] MainModeWithNatD(ulong spi) => Message(0x10, 2, 0, spi, (4, new byte[8]), (20, new byte[20]), (20, new byte[20]));

    /// <summary>IKEv1 Quick Mode (RFC 2409 §5.5): encrypted after the header.</summary>
    public static byte[] QuickMode(ulong spi) => Message(0x10, 32, 0x01, spi, (8, new byte[40]));

    private static byte[] Notify(ushort type)
    {
        var body = new byte[4 + 20];
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(2), type);
        return body;
    }
}
