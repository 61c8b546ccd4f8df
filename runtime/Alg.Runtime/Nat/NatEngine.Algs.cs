using Alg.Runtime.Algs;

namespace Alg.Runtime.Nat;

/// <summary>The ALG hook: an optional <see cref="AlgStage"/> sees every translated packet of a known flow.</summary>
public sealed partial class NatEngine
{
    private AlgStage? _algStage;

    /// <summary>The ALG stage this engine calls, or null when ALGs are off.</summary>
    public AlgStage? Algs => _algStage;

    /// <summary>Turns ALGs on (a stage built for this engine's policy) or off (null); takes effect with the next packet.</summary>
    public void UseAlgs(AlgStage? stage) => _algStage = stage;
}
