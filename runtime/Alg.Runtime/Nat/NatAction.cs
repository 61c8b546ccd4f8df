namespace Alg.Runtime.Nat;

/// <summary>What the caller does with a packet after <see cref="NatEngine.Process(ref Packets.PacketBuffer, Packets.LinkType, long, IngressSide)"/>.</summary>
public enum NatAction : byte
{
    /// <summary>Send the (possibly rewritten) packet on.</summary>
    Forward,

    /// <summary>Discard it; the verdict's reason was counted.</summary>
    Drop,

    /// <summary>Kept by the engine (a fragment waiting for the rest of its datagram).</summary>
    Held,
}
