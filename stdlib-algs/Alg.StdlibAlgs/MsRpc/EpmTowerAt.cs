namespace Alg.StdlibAlgs.MsRpc;

/// <summary>A tower found in an endpoint-mapper reply, with where its octet string starts in the stub.</summary>
public readonly record struct EpmTowerAt(int Start, EpmTower Tower);
