namespace Alg.StdlibAlgs.Pptp;

/// <summary>Why bytes at a PPTP message boundary are not a control message (RFC 2637 §1.4, §2).</summary>
public enum PptpParseError : byte
{
    None,

    /// <summary>The PPTP Message Type is not 1 (control): management messages are not defined.</summary>
    NotControl,

    /// <summary>The Magic Cookie is not 0x1A2B3C4D.</summary>
    BadMagicCookie,

    /// <summary>A Control Message Type outside 1–15.</summary>
    UnknownType,

    /// <summary>A Length shorter than the fixed layout of its type.</summary>
    TooShortForType,

    /// <summary>A Length longer than any control message (the longest, ICRQ, is 220 bytes).</summary>
    TooLong,
}
