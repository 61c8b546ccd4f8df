namespace Alg.StdlibAlgs.H323;

/// <summary>What the Q.931 ALG remembers about one call signalling connection.</summary>
internal sealed class H323Q931Session
{
    /// <summary>An H.460 endpoint's connection: passes untouched for its whole life.</summary>
    public bool Traversal { get; set; }

    /// <summary>Media pairs opened from fastStart and tunnelled H.245 on this connection.</summary>
    public H323MediaChannels Media { get; } = new();

    public H323TpktStream Stream { get; } = new();
}
