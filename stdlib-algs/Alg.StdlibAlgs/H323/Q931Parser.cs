namespace Alg.StdlibAlgs.H323;

/// <summary>
/// TPKT framing (RFC 1006 §6) and the Q.931 envelope of H.225.0 call signalling (H.225.0 §7.2, Q.931 §4): finds the
/// User-user information element and the aligned-PER H323-UserInformation in it.
/// </summary>
/// <remarks>Information elements are walked one by one: a single-octet IE (bit 8 set, Q.931 §4.5.1) has no length,
/// any other has a one-octet length, except User-user (0x7E), whose length is two octets in H.225.0 (§7.2.2.1).
/// Linux accepts one single-octet IE right after the message type only; any number are skipped here.</remarks>
public static class Q931Parser
{
    public const int TpktHeaderLength = 4;

    /// <summary>TPKT version (RFC 1006 §6).</summary>
    public const byte TpktVersion = 3;

    private const byte ProtocolDiscriminator = 0x08;
    private const byte UserUser = 0x7E;
    private const byte X208Discriminator = 0x05;

    /// <summary>Reads a TPKT header: <see cref="TpktStatus.Incomplete"/> until 4 bytes are there.</summary>
    public static TpktStatus ReadTpkt(ReadOnlySpan<byte> data, out int length)
    {
        length = 0;
        if (data.Length < TpktHeaderLength)
        {
            return data.Length > 0 && data[0] != TpktVersion ? TpktStatus.Error : TpktStatus.Incomplete;
        }

        length = (data[2] << 8) | data[3];
        if (data[0] != TpktVersion || length < TpktHeaderLength)
        {
            return TpktStatus.Error;
        }

        return data.Length < length ? TpktStatus.Incomplete : TpktStatus.Complete;
    }

    /// <summary>Reads the Q.931 message in <paramref name="message"/> (a TPKT's payload, offsets relative to
    /// <paramref name="offset"/>).</summary>
    public static H323DecodeError TryParse(ReadOnlySpan<byte> message, int offset, out Q931Message parsed)
    {
        parsed = default;
        if (message.Length < 3 || message[0] != ProtocolDiscriminator)
        {
            return H323DecodeError.BadQ931;
        }

        var referenceLength = message[1] & 0x0F;
        if (referenceLength > 2 || message.Length < 3 + referenceLength)
        {
            return H323DecodeError.BadQ931;
        }

        var reference = 0;
        for (var i = 0; i < referenceLength; i++)
        {
            reference = (reference << 8) | message[2 + i];
        }

        reference &= referenceLength == 2 ? 0x7FFF : 0x7F;
        var position = 2 + referenceLength;
        var type = message[position++];
        while (position < message.Length)
        {
            var id = message[position];
            if ((id & 0x80) != 0)
            {
                position++;
                continue;
            }

            if (id == UserUser)
            {
                if (message.Length - position < 3)
                {
                    return H323DecodeError.BadUserUser;
                }

                var length = (message[position + 1] << 8) | message[position + 2];
                var content = position + 3;
                if (length < 1 || length > message.Length - content || message[content] != X208Discriminator)
                {
                    return H323DecodeError.BadUserUser;
                }

                parsed = new Q931Message(type, (ushort)reference, offset + content + 1, length - 1);
                return H323DecodeError.None;
            }

            if (message.Length - position < 2 || message[position + 1] > message.Length - position - 2)
            {
                return H323DecodeError.BadQ931;
            }

            position += 2 + message[position + 1];
        }

        parsed = new Q931Message(type, (ushort)reference, -1, 0);
        return H323DecodeError.None;
    }
}
