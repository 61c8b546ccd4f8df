namespace Alg.StdlibAlgs.MsRpc;

/// <summary>How far an endpoint-mapper reply could be read (<see cref="EpmNdr.WalkReply"/>).</summary>
public enum EpmWalkStatus : byte
{
    /// <summary>Every tower and the closing status were read.</summary>
    Complete,

    /// <summary>The stub ends before the reply does: what was read holds, the rest has not arrived (or never will).</summary>
    Truncated,

    /// <summary>A count, length or tower that no well-formed reply has.</summary>
    Malformed,
}
