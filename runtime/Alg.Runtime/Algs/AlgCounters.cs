namespace Alg.Runtime.Algs;

/// <summary>What one ALG did on one stage (one engine, one worker thread); summed when reported.</summary>
public sealed class AlgCounters
{
    /// <summary>Payloads (UDP datagrams, TCP stream deliveries) given to the ALG.</summary>
    public long Inspected { get; internal set; }

    /// <summary>Payloads the ALG found malformed; forwarded untouched.</summary>
    public long Malformed { get; internal set; }

    /// <summary>The last malformed reason the ALG gave, for diagnostics.</summary>
    public string? LastMalformedReason { get; internal set; }

    /// <summary>Messages of which the ALG refused a part (removed it or left it untranslated) and applied the rest.</summary>
    public long PartsRefused { get; internal set; }

    /// <summary>The last refused part's reason, for diagnostics.</summary>
    public string? LastPartRefused { get; internal set; }

    public long RewritesApplied { get; internal set; }

    /// <summary>TCP segments whose unfinished message was held back for translation.</summary>
    public long SegmentsHeld { get; internal set; }

    /// <summary>TCP segments that carried held bytes in front of their own, translated whole.</summary>
    public long SegmentsCoalesced { get; internal set; }

    /// <summary>Held starts let through unfinished because the sender retransmitted them (it waits for an ACK).</summary>
    public long HoldsReleased { get; internal set; }

    /// <summary>TCP retransmissions of bytes first sent translated, given the same translation again.</summary>
    public long RetransmissionsRetranslated { get; internal set; }

    /// <summary>Pinholes closed by the ALG (a call's end, a re-offer), not by expiry.</summary>
    public long PinholesClosed { get; internal set; }

    /// <summary>Packets dropped because an option the user configured said so.</summary>
    public long PolicyDrops { get; internal set; }

    /// <summary>The check behind the last of <see cref="PolicyDrops"/>.</summary>
    public string? LastPolicyDrop { get; internal set; }

    /// <summary>Policy drops by the check behind them (an SCTP packet with a wrong verification tag, a chunk in the wrong
    /// state...). A reason's first drop adds its entry; later ones only count.</summary>
    public IReadOnlyDictionary<string, long> PolicyDropsBy => _policyDropsBy;

    private readonly Dictionary<string, long> _policyDropsBy = new(StringComparer.Ordinal);

    internal void CountPolicyDrop(string reason)
    {
        PolicyDrops++;
        LastPolicyDrop = reason;
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_policyDropsBy, reason, out _)++;
    }

    /// <summary>GRE tunnels of PPTP calls opened, and closed by the ALG (a call's end) or with their control connection.</summary>
    public long TunnelsOpened { get; internal set; }

    public long TunnelsClosed { get; internal set; }

    /// <summary>Tunnels refused: endpoints not the control connection's, a call id in use, a full table.</summary>
    public long TunnelsRefused { get; internal set; }

    /// <summary>Rewrites refused: out of order, overlapping, outside the data, or in TCP bytes already forwarded.</summary>
    public long RewritesRefused { get; internal set; }

    public long PinholesOpened { get; internal set; }

    /// <summary>Pinholes refused: by <see cref="PinholeGuard"/>, a full expectation table, or no room in the output.</summary>
    public long PinholesRefused { get; internal set; }

    /// <summary>The reason behind the last of <see cref="PinholesRefused"/>.</summary>
    public PinholeRefusal LastPinholeRefusal { get; internal set; }

    /// <summary>Refused pinholes by reason, indexed by <see cref="PinholeRefusal"/>.</summary>
    public long[] PinholesRefusedBy { get; } = new long[Enum.GetValues<PinholeRefusal>().Length];

    internal void RefusePinhole(PinholeRefusal reason)
    {
        PinholesRefused++;
        PinholesRefusedBy[(int)reason]++;
        LastPinholeRefusal = reason;
    }

    /// <summary>Inspections the ALG failed with an exception (an ALG bug): nothing applied, packet forwarded
    /// untouched, a TCP connection no longer inspected.</summary>
    public long Failures { get; internal set; }

    /// <summary>The exception type of the last failure, for diagnostics.</summary>
    public string? LastFailure { get; internal set; }

    /// <summary>TCP segments the stream reassembler refused (window, budget, gaps); forwarded uninspected.</summary>
    public long StreamErrors { get; internal set; }
}
