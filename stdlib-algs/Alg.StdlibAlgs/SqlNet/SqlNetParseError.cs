namespace Alg.StdlibAlgs.SqlNet;

/// <summary>Why bytes at a TNS packet boundary, or a redirect's text, cannot be read (algs.md §8.1, §8.3).</summary>
public enum SqlNetParseError : byte
{
    None,

    /// <summary>A length field below the 8-byte header it includes.</summary>
    LengthBelowHeader,

    /// <summary>A 4-byte length above the largest SDU Oracle Net negotiates (2 MiB).</summary>
    LengthTooLarge,

    /// <summary>A packet type TNS does not define.</summary>
    UnknownType,

    /// <summary>A REDIRECT too short to hold its 2-byte redirect-data length.</summary>
    RedirectWithoutLength,

    /// <summary>A connect descriptor whose parentheses do not balance, or a keyword without <c>=</c>.</summary>
    BadDescriptor,

    /// <summary>More (ADDRESS=...) entries, or deeper nesting, than the scanner keeps.</summary>
    DescriptorTooComplex,
}
