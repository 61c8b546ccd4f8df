using Alg.Runtime.Nat;

namespace Alg.Runtime.Replay;

/// <summary>One capture to replay, and the side its packets arrive on (Auto: decided per packet).</summary>
public sealed record ReplayInput(string Path, IngressSide Ingress = IngressSide.Auto);
