namespace Alg.Runtime.Reassembly;

/// <summary>The fate of one fragment handed to <see cref="Ipv4FragmentReassembler"/>.</summary>
public enum FragmentStatus
{
    /// <summary>Kept until the rest of the datagram arrives.</summary>
    Held,

    /// <summary>The datagram is whole and has been written to the caller's buffer.</summary>
    Complete,

    /// <summary>Refused; the reason says why. The datagram it belonged to is discarded.</summary>
    Dropped,
}
