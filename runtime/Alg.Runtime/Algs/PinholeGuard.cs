using Alg.Runtime.Flows;
using Alg.Runtime.Nat;

namespace Alg.Runtime.Algs;

/// <summary>
/// The pinhole invariants every ALG gets without writing them (NAT Slipstreaming came through ALGs that forgot
/// one): an inbound pinhole leads only to the inside host whose message asked for it; an outbound one only from
/// that host to its signalling peer; never to port 0, a privileged port (unless the ALG's protocol needs one),
/// the gateway's own addresses, broadcast, multicast or loopback; always with a bounded lifetime; and no more
/// per signalling flow than <see cref="MaxPerMaster"/>.
/// </summary>
public static class PinholeGuard
{
    /// <summary>Pinholes one signalling flow may hold at once (a SIP call with video and RTCP needs 8).</summary>
    public const int MaxPerMaster = 64;

    /// <summary>
    /// The longest wait any ALG may ask for: what a 32-bit seconds field can say (a SIP registration's granted
    /// Expires, RFC 3261 §20.19) plus an hour of grace. Anything longer, or unbounded, never expires in practice.
    /// </summary>
    public const long MaxLifetimeNanoseconds = ((1L << 32) + 3_600) * 1_000_000_000;

    public static PinholeRefusal Check(in ExpectationSpec spec, in AlgFlowContext context, NatEngine engine, int heldByMaster)
    {
        if (spec.LifetimeNanoseconds <= 0 || spec.LifetimeNanoseconds > MaxLifetimeNanoseconds)
        {
            return PinholeRefusal.BadLifetime;
        }

        if (heldByMaster >= MaxPerMaster)
        {
            return PinholeRefusal.TooManyForMaster;
        }

        // A protocol without ports (an ESP gate) has none to check; port 0 is the rest's wildcard nobody may ask for.
        var hasPorts = spec.Protocol is Packets.IpProtocol.Tcp or Packets.IpProtocol.Udp or Packets.IpProtocol.Sctp;
        if (hasPorts && (spec.LocalPort == 0 || spec.TranslatedPort == 0))
        {
            return PinholeRefusal.PortZero;
        }

        // The end the admitted connection is delivered to: the inside host for an inbound pinhole, the outside
        // peer for an outbound one.
        var inbound = spec.ArrivalSide == FlowSide.Outside;
        var target = inbound ? spec.TranslatedAddress : spec.LocalAddress;
        var targetPort = inbound ? spec.TranslatedPort : spec.LocalPort;
        if (inbound && spec.TranslatedAddress != context.Inside.Address)
        {
            return PinholeRefusal.NotTheSendersAddress;
        }

        if (!inbound && (spec.Peer.AnyAddress || spec.Peer.Address != context.Inside.Address || spec.LocalAddress != context.Remote.Address))
        {
            return PinholeRefusal.NotTheSignallingPeer;
        }

        if (hasPorts && targetPort < 1024 && !context.Descriptor.PinholesToPrivilegedPorts)
        {
            return PinholeRefusal.PrivilegedPort;
        }

        if (IsSpecial(target) || (!spec.Peer.AnyAddress && IsSpecial(spec.Peer.Address)))
        {
            return PinholeRefusal.SpecialAddress;
        }

        return engine.Rules.IsOwned(target) ? PinholeRefusal.GatewayAddress : PinholeRefusal.None;
    }

    /// <summary>0.0.0.0/8, 127.0.0.0/8, 224.0.0.0/4 multicast, 240.0.0.0/4 (class E and the limited broadcast).</summary>
    public static bool IsSpecialAddress(uint address) => IsSpecial(address);

    private static bool IsSpecial(uint address) => (address >> 24) is 0 or 127 || address >= 0xE000_0000;
}
