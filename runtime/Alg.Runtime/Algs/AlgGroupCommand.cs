using Alg.Runtime.Flows;

namespace Alg.Runtime.Algs;

/// <summary>Something an ALG asks of one conversation's pinholes (<see cref="ExpectationSpec.Group"/>): close them all,
/// or narrow their peer and reset their lifetime.</summary>
/// <param name="Group">The group value the pinholes were opened with (never 0).</param>
/// <param name="Restrict">False: close them. True: keep them, for <paramref name="Peer"/> only, for <paramref name="LifetimeNanoseconds"/>.</param>
/// <param name="EndAdmitted">Close instead every pinhole of the connections the group's pinholes admitted (the
/// conversation ended on this connection; what it let in ends with it).</param>
public readonly record struct AlgGroupCommand(long Group, bool Restrict, ExpectedPeer Peer, long LifetimeNanoseconds, bool EndAdmitted = false);
