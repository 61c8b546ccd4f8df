using Alg.Runtime.Flows;
using Alg.Runtime.Nat;

namespace Alg.Runtime.Algs;

/// <summary>
/// The pinhole invariants every ALG gets without writing them (NAT Slipstreaming came through ALGs that forgot
/// one): an inbound pinhole leads only to the inside host whose message asked for it; an outbound one only from
/// that host to its signalling peer; never to port 0, a privileged port (unless the ALG's protocol needs one),
/// the gateway's own addresses, broadcast, multicast or loopback; always with a bounded lifetime; and no more
/// per signalling flow than <see cref="MaxPerMaster"/>. A map entry (open to any peer, gated on the ACL's permission to
/// reach an endpoint) may lead only to its signalling peer and be gated only on its signalling flow's server.
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

        // A map entry admits any peer the ACL lets reach its signalling flow's server, and no other gate will do.
        var mapEntry = spec.AdmitLike.IsSet;
        if (mapEntry && !IsSignallingServer(spec.AdmitLike, in context))
        {
            return PinholeRefusal.ProxyNotTheServer;
        }

        if (!inbound && (spec.LocalAddress != context.Remote.Address || (!mapEntry && (spec.Peer.AnyAddress || spec.Peer.Address != context.Inside.Address))))
        {
            return PinholeRefusal.NotTheSignallingPeer;
        }

        if (hasPorts && targetPort < 1024 && !context.Descriptor.PinholesToPrivilegedPorts)
        {
            return PinholeRefusal.PrivilegedPort;
        }

        if (IsSpecialAddress(target) || (!spec.Peer.AnyAddress && IsSpecialAddress(spec.Peer.Address)))
        {
            return PinholeRefusal.SpecialAddress;
        }

        return engine.Rules.IsOwned(target) ? PinholeRefusal.GatewayAddress : PinholeRefusal.None;
    }

    /// <summary>The proxy is the signalling flow's own server end, as clients address it and as it really is: the inside
    /// host for a flow opened from outside, the outside peer otherwise.</summary>
    private static bool IsSignallingServer(AdmissionProxy proxy, in AlgFlowContext context) =>
        proxy.Protocol == context.Protocol
        && (context.Initiator == FlowSide.Outside
            ? proxy.RealAddress == context.Inside.Address && proxy.RealPort == context.Inside.Port
              && proxy.Address == context.Mapped.Address && proxy.Port == context.Mapped.Port
            : proxy.Address == context.Remote.Address && proxy.Port == context.Remote.Port
              && proxy.RealAddress == context.Remote.Address && proxy.RealPort == context.Remote.Port);

    /// <summary>0.0.0.0/8, 127.0.0.0/8, 224.0.0.0/4 multicast, 240.0.0.0/4 (class E and the limited broadcast).</summary>
    public static bool IsSpecialAddress(uint address) => (address >> 24) is 0 or 127 || address >= 0xE000_0000;
}
