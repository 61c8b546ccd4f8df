using Alg.Runtime.Flows;

namespace Alg.Runtime.Algs;

/// <summary>Something an ALG asks of one conversation's pinholes (<see cref="ExpectationSpec.Group"/>): close them all,
/// or narrow their peer and reset their lifetime.</summary>
/// <param name="Group">The group value the pinholes were opened with (never 0).</param>
/// <param name="Restrict">False: close them. True: keep them, for <paramref name="Peer"/> only, for <paramref name="LifetimeNanoseconds"/>.</param>
public readonly record struct AlgGroupCommand(long Group, bool Restrict, ExpectedPeer Peer, long LifetimeNanoseconds);
