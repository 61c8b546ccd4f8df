namespace Alg.StdlibAlgs.Pptp;

/// <summary>What the bytes at a message boundary of a PPTP control connection hold.</summary>
public enum PptpParseStatus : byte
{
    /// <summary>A whole control message.</summary>
    Complete,

    /// <summary>The start of a message; more stream bytes are needed. Once its header is there its type and length are
    /// known (<see cref="PptpMessage"/>).</summary>
    Incomplete,

    /// <summary>Not a PPTP control message; <see cref="PptpParseError"/> says why.</summary>
    Error,
}
