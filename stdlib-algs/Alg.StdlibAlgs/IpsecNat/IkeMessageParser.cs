using System.Buffers.Binary;

namespace Alg.StdlibAlgs.IpsecNat;

/// <summary>
/// Reads an IKE datagram's header and its clear payload chain (RFC 2408 §3.1–3.2, RFC 7296 §3.1–3.2), and tells the
/// three things UDP 4500 carries apart (RFC 3948 §2.2–2.3). Reads spans only, never copies; every read is bounds-checked
/// and the payload walk is bounded, so a crafted chain cannot loop.
/// </summary>
public static class IkeMessageParser
{
    /// <summary>RFC 3947 §3.2 NAT-D; 130 is the draft number implementations still send.</summary>
    private const byte NatDetectionV1 = 20;
    private const byte NatDetectionV1Draft = 130;

    /// <summary>RFC 7296 §3.10 Notify payload, and the NAT_DETECTION_SOURCE_IP / _DESTINATION_IP types (§3.10.1).</summary>
    private const byte NotifyV2 = 41;
    private const ushort NatDetectionSourceIp = 16388;
    private const ushort NatDetectionDestinationIp = 16389;

    /// <summary>RFC 7296 §3.14 Encrypted, RFC 7383 §2.5 Encrypted Fragment: what follows cannot be read.</summary>
    private const byte EncryptedV2 = 46;
    private const byte EncryptedFragmentV2 = 53;

    private const int MaxPayloads = 64;

    public static IkeParseStatus Parse(ReadOnlySpan<byte> data, out IkeMessage message, out IkeParseError error)
    {
        message = default;
        error = IkeParseError.None;
        if (data.Length < IkeMessage.HeaderLength)
        {
            return IkeParseStatus.Incomplete;
        }

        var major = (byte)(data[17] >> 4);
        if (major is not (1 or 2))
        {
            return Fail(IkeParseError.UnknownVersion, out error);
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(data[24..]);
        if (length < IkeMessage.HeaderLength)
        {
            return Fail(IkeParseError.LengthBelowHeader, out error);
        }

        if (length > data.Length)
        {
            return IkeParseStatus.Incomplete;
        }

        var exchange = (IkeExchangeType)data[18];
        var encrypted = major == 1 && (data[19] & 0x01) != 0;
        var natDetection = false;
        var next = data[16];
        var position = IkeMessage.HeaderLength;
        for (var count = 0; next != 0 && !encrypted; count++)
        {
            if (count == MaxPayloads)
            {
                return Fail(IkeParseError.TooManyPayloads, out error);
            }

            if (major == 2 && next is EncryptedV2 or EncryptedFragmentV2)
            {
                encrypted = true;
                break;
            }

            if ((int)length - position < 4)
            {
                return Fail(IkeParseError.PayloadOverrun, out error);
            }

            var payload = data[position..(int)length];
            int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(payload[2..]);
            if (payloadLength < 4 || payloadLength > payload.Length)
            {
                return Fail(IkeParseError.PayloadOverrun, out error);
            }

            if (major == 1 && next is NatDetectionV1 or NatDetectionV1Draft)
            {
                natDetection = true;
            }
            else if (major == 2 && next == NotifyV2 && payloadLength >= 8
                && BinaryPrimitives.ReadUInt16BigEndian(payload[6..]) is NatDetectionSourceIp or NatDetectionDestinationIp)
            {
                natDetection = true;
            }

            next = payload[0];
            position += payloadLength;
        }

        message = new IkeMessage(major, exchange, (int)length, natDetection, encrypted);
        return IkeParseStatus.Complete;
    }

    /// <summary>RFC 3948 §2.2–2.3: on UDP 4500 a 1-byte 0xFF is a NAT-keepalive, four zero bytes (the non-ESP marker) put IKE
    /// after them, anything else is ESP whose SPI is never 0.</summary>
    public static NatTraversalDatagram Classify(ReadOnlySpan<byte> data) =>
        data.Length == 1 && data[0] == 0xFF ? NatTraversalDatagram.Keepalive
        : data.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(data) == 0 ? NatTraversalDatagram.Ike
        : data.Length >= 8 ? NatTraversalDatagram.Esp
        : NatTraversalDatagram.Unknown;

    /// <summary>The counter text for a reason, with the rule it breaks.</summary>
    public static string Describe(IkeParseError error) => error switch
    {
        IkeParseError.UnknownVersion => "IPsec-NAT: an IKE major version other than 1 or 2 (RFC 7296 §3.1)",
        IkeParseError.LengthBelowHeader => "IPsec-NAT: an IKE Length below its 28-byte header (RFC 7296 §3.1)",
        IkeParseError.PayloadOverrun => "IPsec-NAT: an IKE payload length below 4 or past the message (RFC 7296 §3.2)",
        IkeParseError.TooManyPayloads => "IPsec-NAT: more IKE payloads than any exchange carries",
        _ => "IPsec-NAT: not IKE",
    };

    private static IkeParseStatus Fail(IkeParseError reason, out IkeParseError error)
    {
        error = reason;
        return IkeParseStatus.Error;
    }
}
