namespace Alg.StdlibAlgs.Sctp;

/// <summary>What an SCTP packet holds.</summary>
public enum SctpParseStatus : byte
{
    /// <summary>A common header and well-formed chunks.</summary>
    Complete,

    /// <summary>Shorter than the 12-byte common header.</summary>
    Incomplete,

    /// <summary>Malformed; <see cref="SctpParseError"/> says how.</summary>
    Error,
}
