namespace Alg.StdlibAlgs.MsRpc;

/// <summary>Where one fragment's stub lies in the ALG's data, so a reply read whole can be rewritten in place.</summary>
internal readonly record struct MsRpcStubPiece(int DataOffset, int Length);
