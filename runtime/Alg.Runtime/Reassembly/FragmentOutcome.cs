using Alg.Runtime.Packets;

namespace Alg.Runtime.Reassembly;

/// <summary>What happened to one fragment; <see cref="Length"/> is the datagram length when complete.</summary>
public readonly record struct FragmentOutcome(FragmentStatus Status, DropReason Reason, int Length)
{
    public static FragmentOutcome Held => new(FragmentStatus.Held, DropReason.None, 0);

    public static FragmentOutcome Drop(DropReason reason) => new(FragmentStatus.Dropped, reason, 0);
}
