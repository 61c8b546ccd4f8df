namespace Alg.Runtime.Flows;

/// <summary>TCP connection state as a translator tracks it (RFC 5382 §5, RFC 7857 §2.1-2.2).</summary>
public enum TcpTrackState : byte
{
    /// <summary>Not TCP.</summary>
    None = 0,
    SynSent,

    /// <summary>SYN seen from both ends (simultaneous open) or SYN+ACK seen.</summary>
    SynReceived,
    Established,

    /// <summary>A FIN seen from one end.</summary>
    FinWait,

    /// <summary>FINs seen from both ends.</summary>
    Closing,

    /// <summary>RST seen: kept for the transitory time (RFC 7857 §2.2), then removed.</summary>
    Reset,
}
