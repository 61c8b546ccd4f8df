using Alg.Runtime.Flows;

namespace Alg.Runtime.Algs;

/// <summary>A pinhole an ALG asks for.</summary>
/// <param name="Spec">The expected flow; name the peer whenever the signalling does (<see cref="ExpectedPeer"/>).</param>
/// <param name="ReplaceOwn">Close this ALG's earlier pinholes of the same master flow and owner tag first
/// (a retransmitted request must not leave two pinholes for one expected flow).</param>
public readonly record struct AlgPinholeRequest(ExpectationSpec Spec, bool ReplaceOwn);
