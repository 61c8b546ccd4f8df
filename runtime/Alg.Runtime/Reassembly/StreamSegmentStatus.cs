namespace Alg.Runtime.Reassembly;

/// <summary>The fate of one TCP segment handed to <see cref="TcpStreamReassembler"/>.</summary>
public enum StreamSegmentStatus
{
    /// <summary>New bytes joined the in-order data.</summary>
    InOrder,

    /// <summary>New bytes held beyond a gap until the gap is filled.</summary>
    OutOfOrder,

    /// <summary>Nothing new: a retransmission of bytes already held or already read.</summary>
    Duplicate,

    /// <summary>Refused, with a drop reason.</summary>
    Dropped,
}
