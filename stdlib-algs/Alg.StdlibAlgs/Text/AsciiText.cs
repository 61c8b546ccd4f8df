using System.Buffers.Binary;
using System.Numerics;

namespace Alg.StdlibAlgs.Text;

/// <summary>ASCII text over bytes, for line-based protocols (SIP, FTP, RTSP…): blanks, trimming, case-insensitive
/// comparison and identifier hashing, without allocating.</summary>
/// <remarks>Protocol keywords are ASCII (RFC 5234 §2.3: literal strings are case-insensitive), so only A–Z are folded;
/// a UTF-8 byte never equals a lower-case ASCII literal.</remarks>
public static class AsciiText
{
    public static bool IsBlank(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    public static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsBlank(text[start]))
        {
            start++;
        }

        while (end > start && IsBlank(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>ASCII case-insensitive prefix test against a lower-case prefix (URI schemes, "sip/2.0/", FTP verbs).</summary>
    public static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCase) =>
        text.Length >= lowerCase.Length && EqualsIgnoreCase(text[..lowerCase.Length], lowerCase);

    /// <summary>ASCII case-insensitive comparison against a lower-case literal (only A-Z are folded).</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCase)
    {
        if (text.Length != lowerCase.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (ToLower(text[i]) != lowerCase[i])
            {
                return false;
            }
        }

        return true;
    }

    public static byte ToLower(byte c) => c is >= (byte)'A' and <= (byte)'Z' ? (byte)(c | 0x20) : c;

    /// <summary>A 64-bit hash of an identifier (a SIP Call-ID, a branch), never 0 (0 means "no group" to the pinhole table).</summary>
    /// <remarks>Eight bytes per step (a byte-at-a-time hash was a visible part of the SIP per-message time); collisions
    /// only make two conversations share a pinhole group, never open anything.</remarks>
    public static long Hash(ReadOnlySpan<byte> text)
    {
        const ulong prime = 0x9E3779B97F4A7C15UL;
        var hash = 0xCBF29CE484222325UL ^ (ulong)text.Length;
        while (text.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(text)) * prime, 29);
            text = text[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < text.Length; i++)
        {
            tail |= (ulong)text[i] << (8 * i);
        }

        hash = (hash ^ tail) * prime;
        hash ^= hash >> 32;
        return hash == 0 ? 1 : (long)hash;
    }
}
