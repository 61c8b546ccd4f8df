namespace Alg.StdlibAlgs.H323;

/// <summary>What a TPKT header at a message boundary says (RFC 1006 §6).</summary>
public enum TpktStatus : byte
{
    Complete,
    Incomplete,
    Error,
}
