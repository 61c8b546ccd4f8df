using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.StdlibAlgs.IpsecNat;

/// <summary>
/// The ESP gate (algs.md §13.2): after the IKE exchange that negotiates ESP between an inside host and a peer, ESP
/// from that peer with an SPI no flow knows is let in once, to that host, for a short while; the runtime then pins the
/// SPI to the host. IPsec-NAT rewrites nothing (its "rewriter" plans the gate), and opens one gate per peer at a time.
/// </summary>
internal static class IpsecNatGatePlanner
{
    /// <summary>One gate per IKE flow: a later exchange replaces it.</summary>
    private const long GateGroup = 1;

    public static void OpenGate(in AlgFlowContext context, IpsecNatSettings settings, IpsecNatSession session, ref AlgOutput output)
    {
        var mapped = new AlgEndpoint(context.Mapped.Address, 0);
        var peer = new AlgEndpoint(context.Remote.Address, 0);
        if (context.Nat.TryFindPinhole(IpProtocol.Esp, FlowSide.Outside, mapped, peer, out var open) && open.TranslatedAddress != context.Inside.Address)
        {
            // Two inside hosts negotiating with one peer through one address at once: the peer's next unknown SPI could
            // be either's (algs.md §13.3, ambiguity waits). This IKE message is dropped; its sender retransmits it after
            // the other host's ESP has come through its gate, or the gate has expired.
            output.RequestDrop("IPsec-NAT: an ESP gate for this peer is open for another inside host; its IKE waits (algs.md §13.3)", wholeConnection: false);
            return;
        }

        var gate = new ExpectationSpec(
            IpProtocol.Esp,
            FlowSide.Outside,
            ExpectedPeer.AddressOnly(context.Remote.Address, "ESP has no ports (RFC 4303 §2); the SPI is negotiated encrypted"),
            context.Mapped.Address,
            0,
            context.Inside.Address,
            0,
            settings.GateLifetime,
            Persistent: false,
            context.Flow,
            context.OwnerTag,
            GateGroup);
        output.TryRemovePinholeGroup(GateGroup);
        if (output.TryRequestPinhole(in gate))
        {
            session.GatesOpened++;
        }
    }
}
