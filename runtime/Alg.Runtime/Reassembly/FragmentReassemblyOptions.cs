namespace Alg.Runtime.Reassembly;

/// <summary>Bounds of IPv4 fragment reassembly; every one is a fixed cap, never a growth policy.</summary>
/// <param name="MaxDatagrams">Datagrams being reassembled at once.</param>
/// <param name="MaxBufferedBytes">Fragment payload bytes held across all of them.</param>
/// <param name="MaxFragmentsPerDatagram">More pieces than this is an attack (tiny fragments), not a datagram.</param>
/// <param name="TimeoutNanoseconds">How long a datagram may wait for its last piece (RFC 791 §3.2 timer; Linux uses 30 s).</param>
public sealed record FragmentReassemblyOptions(
    int MaxDatagrams = 64,
    int MaxBufferedBytes = 1 << 20,
    int MaxFragmentsPerDatagram = 64,
    long TimeoutNanoseconds = 30_000_000_000L);
