using Alg.Runtime.Packets;

namespace Alg.Runtime.Reassembly;

/// <summary>What happened to one TCP segment's payload; <see cref="Conflicting"/> counts overlap bytes that differed.</summary>
/// <remarks>On overlap the first copy wins: later bytes never change data already held (evasion-resistant, and
/// what the ALG saw is what gets forwarded).</remarks>
public readonly record struct StreamSegmentResult(StreamSegmentStatus Status, DropReason Reason, int NewBytes, int Conflicting);
