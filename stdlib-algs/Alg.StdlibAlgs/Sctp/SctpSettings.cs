using Alg.Runtime.Algs;

namespace Alg.StdlibAlgs.Sctp;

/// <summary>The SCTP inspector's settings for one configuration (no dialect Alg reads gives SCTP options beyond on/off and
/// ASA's <c>timeout sctp</c>, which is the policy's SCTP timer).</summary>
public sealed class SctpSettings
{
    /// <summary>Chunks read in one packet; more is an anomaly (algs.md §11.4). A packet of the smallest DATA chunks a
    /// 1500-byte link carries has fewer.</summary>
    public const int MaxChunks = 80;

    /// <summary>How long an association that is being set up or shut down, or has ended, stays without a packet. RFC 9260
    /// §15 gives RTO.Initial 1 s doubling to RTO.Max 60 s; Linux's tracker keeps these states 3 s (algs.md §11.2), a
    /// little short for a retransmitted INIT.</summary>
    public const uint TransitionSeconds = 10;

    internal SctpSettings(in AlgSettingsSource source)
    {
        var seconds = source.Timeouts.Sctp / Alg.Runtime.Nat.NatTimeouts.Second;
        PinholeLifetime = (seconds <= 0 || source.Timeouts.Sctp == Alg.Runtime.Nat.NatTimeouts.Never ? 3600 : Math.Min(seconds, 86400)) * Alg.Runtime.Nat.NatTimeouts.Second;
    }

    /// <summary>How long a peer's other address may open its path of the association: the policy's SCTP idle time.</summary>
    public long PinholeLifetime { get; }
}
