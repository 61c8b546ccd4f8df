using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Nat;

/// <summary>Idle timeouts per protocol and TCP state, in nanoseconds, from the policy or the RFC defaults.</summary>
/// <remarks>
/// Defaults: TCP established 2 h 4 min and transitory 4 min (RFC 5382 REQ-5, RFC 7857 §2.1), RST kept
/// 4 min (RFC 7857 §2.2), UDP 5 min (RFC 4787 REQ-5: at least 2 min, 5 recommended), ICMP 60 s
/// (RFC 5508 REQ-1), GRE and SCTP like UDP, ESP like UDP unless the IPsec-NAT ALG gives its own. A policy value
/// always wins, as the operator configured it; the linter, not the runtime, warns when one is below an RFC minimum.
/// Null seconds = never expires.
/// </remarks>
public sealed class NatTimeouts
{
    public const long Second = 1_000_000_000L;
    public const long Never = long.MaxValue;

    /// <param name="timeouts">The policy's timers by name.</param>
    /// <param name="espSeconds">The idle time of an ESP security association when the IPsec-NAT ALG sets one (ScreenOS
    /// IPsec-NAT timeout); null: as UDP.</param>
    public NatTimeouts(ImmutableSortedDictionary<string, TimerSetting>? timeouts, long? espSeconds = null)
    {
        var transitory = Read(timeouts, "tcp-transitory", 240 * Second);
        TcpEstablished = Read(timeouts, "tcp", 7440 * Second);
        TcpTransitory = transitory;
        TcpSyn = Read(timeouts, "tcp-syn", transitory);
        TcpFinRst = Read(timeouts, "tcp-finrst", transitory);
        Udp = Read(timeouts, "udp", 300 * Second);
        Dns = Read(timeouts, "dns", Udp);
        Icmp = Read(timeouts, "icmp", 60 * Second);
        Gre = Read(timeouts, "gre", Udp);
        Sctp = Read(timeouts, "sctp", Udp);
        Esp = espSeconds is { } esp ? (esp == 0 ? Never : esp * Second) : Udp;
        Other = Udp;
    }

    public static NatTimeouts Default { get; } = new(null);

    public long TcpEstablished { get; }

    public long TcpTransitory { get; }

    public long TcpSyn { get; }

    public long TcpFinRst { get; }

    public long Udp { get; }

    public long Dns { get; }

    public long Icmp { get; }

    public long Gre { get; }

    public long Sctp { get; }

    /// <summary>An ESP security association (one SPI one way) with no packet for this long goes.</summary>
    public long Esp { get; }

    public long Other { get; }

    /// <summary>The idle timeout of a flow in its current state.</summary>
    public long For(byte protocol, TcpTrackState tcpState, ushort responderPort) => protocol switch
    {
        IpProtocol.Tcp => tcpState switch
        {
            TcpTrackState.Established => TcpEstablished,
            TcpTrackState.SynSent or TcpTrackState.SynReceived => TcpSyn,
            TcpTrackState.FinWait or TcpTrackState.Closing or TcpTrackState.Reset => TcpFinRst,
            _ => TcpTransitory,
        },
        IpProtocol.Udp => responderPort == 53 ? Dns : Udp,
        IpProtocol.Icmp => Icmp,
        IpProtocol.Gre => Gre,
        IpProtocol.Sctp => Sctp,
        IpProtocol.Esp => Esp,
        _ => Other,
    };

    private static long Read(ImmutableSortedDictionary<string, TimerSetting>? timeouts, string name, long defaultNanoseconds)
    {
        if (timeouts is null || !timeouts.TryGetValue(name, out var setting))
        {
            return defaultNanoseconds;
        }

        return setting.Seconds is { } seconds ? seconds * Second : Never;
    }
}
