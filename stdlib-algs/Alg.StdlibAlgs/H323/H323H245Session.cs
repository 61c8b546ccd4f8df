namespace Alg.StdlibAlgs.H323;

/// <summary>What the H.245 ALG remembers about one H.245 connection (one call's media control).</summary>
internal sealed class H323H245Session
{
    /// <summary>An H.460.19 channel was seen: the rest of the connection passes untouched.</summary>
    public bool Traversal { get; set; }

    public H323MediaChannels Media { get; } = new();

    public H323TpktStream Stream { get; } = new();
}
