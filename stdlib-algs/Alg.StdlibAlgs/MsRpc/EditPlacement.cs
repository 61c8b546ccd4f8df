namespace Alg.StdlibAlgs.MsRpc;

/// <summary>Where a reply edit's bytes lie relative to the packet being forwarded.</summary>
internal enum EditPlacement : byte
{
    /// <summary>In this packet or later ones: it can be written.</summary>
    Ahead,

    /// <summary>Some of its bytes left with an earlier packet.</summary>
    Sent,

    /// <summary>Not wholly inside the reply's stub (a malformed reply).</summary>
    Lost,
}
