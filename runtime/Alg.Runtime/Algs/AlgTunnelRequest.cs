using Alg.Runtime.Flows;

namespace Alg.Runtime.Algs;

/// <summary>A PPTP call's GRE tunnel an ALG asks to open (the call connected) or close (the call ended).</summary>
public readonly record struct AlgTunnelRequest(GreTunnelSpec Spec, bool Close);
