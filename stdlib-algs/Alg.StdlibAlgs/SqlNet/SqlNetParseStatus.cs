namespace Alg.StdlibAlgs.SqlNet;

/// <summary>What the bytes at a packet boundary of a TNS connection hold.</summary>
public enum SqlNetParseStatus : byte
{
    /// <summary>A whole TNS packet.</summary>
    Complete,

    /// <summary>The start of a packet; more stream bytes are needed. When the header is there, its length and type are
    /// known (so a DATA packet can be skipped without being buffered).</summary>
    Incomplete,

    /// <summary>Not TNS; <see cref="SqlNetParseError"/> says why.</summary>
    Error,
}
