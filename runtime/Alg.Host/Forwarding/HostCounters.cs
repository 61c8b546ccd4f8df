namespace Alg.Host.Forwarding;

/// <summary>What the forwarding around the engine counts: frames it did not hand to the engine or could not send.</summary>
/// <remarks>Written by the worker only.</remarks>
internal sealed class HostCounters
{
    /// <summary>Forwarded by the engine, but no route through a bound interface reaches the destination.</summary>
    public long NoRoute { get; set; }

    /// <summary>TTL would reach 0 on the way out (RFC 1812 §5.3.1).</summary>
    public long TtlExpired { get; set; }

    /// <summary>Held for ARP resolution and given up (no answer, or too many waiting).</summary>
    public long Unresolved { get; set; }

    /// <summary>IPv4 to the gateway's own inside address: the kernel answers those.</summary>
    public long ToGatewayItself { get; set; }

    /// <summary>Not unicast IPv4 to the interface's MAC (ARP is read, IPv6 and broadcasts are not routed).</summary>
    public long NotRouted { get; set; }

    public long ArpRequestsSent { get; set; }

    /// <summary>ARP requests answered for an address the configuration publishes (static NAT, port forward, pool).</summary>
    public long ArpRepliesSent { get; set; }

    /// <summary>Frames whose processing threw: a defect, logged with its exception; the frame is dropped.</summary>
    public long EngineFailures { get; set; }

    /// <summary>The host's drops under the names status and metrics use beside the engine's reasons.</summary>
    public IEnumerable<(string Reason, long Count)> Drops() =>
        new[] { ("no-route", NoRoute), ("ttl-expired", TtlExpired), ("unresolved-next-hop", Unresolved), ("engine-failure", EngineFailures) }
            .Where(d => d.Item2 > 0);
}
