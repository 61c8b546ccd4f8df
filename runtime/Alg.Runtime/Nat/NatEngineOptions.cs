using Alg.Runtime.Reassembly;

namespace Alg.Runtime.Nat;

/// <summary>Sizes and seeds of a <see cref="NatEngine"/>; everything is allocated once from these.</summary>
/// <param name="FlowCapacity">Flows the table holds; the policy's MaxEntries can only lower it.</param>
/// <param name="MappingCapacity">Dynamic mappings held at once.</param>
/// <param name="ExpectationCapacity">Pinholes held at once.</param>
/// <param name="RandomSeed">Seeds port randomisation and table hashing; fixed in tests, random in production.</param>
/// <param name="PortHoldSeconds">How long a freed port waits before reuse (RFC 6888 REQ-8: at least 120 s).</param>
public sealed record NatEngineOptions(
    int FlowCapacity = 65536,
    int MappingCapacity = 65536,
    int ExpectationCapacity = 4096,
    ulong RandomSeed = 0x243F6A8885A308D3UL,
    uint PortHoldSeconds = 120,
    FragmentReassemblyOptions? Fragments = null);
