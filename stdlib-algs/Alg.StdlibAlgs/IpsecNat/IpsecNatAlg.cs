using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Packets;

namespace Alg.StdlibAlgs.IpsecNat;

/// <summary>
/// IPsec-NAT (RFC 3715, RFC 3947/3948, RFC 4303; algs.md §13): reads IKE on UDP 500 and 4500 and, with SPI matching on,
/// opens the gate through which the peer's first ESP of an exchange reaches the inside host that negotiated it. The
/// runtime keys ESP by SPI and pins it once through, times it out by the ALG's timeout, and keeps IKE's port 500 where
/// the policy says so. Nothing inside IKE or ESP changes: this ALG never rewrites.
/// </summary>
/// <remarks>
/// <para>NAT traversal. When the IKE exchange carries NAT detection (NAT-D, NAT_DETECTION_*_IP) the peers see the NAT
/// and float to UDP 4500, where ESP travels in UDP and is translated like any UDP: no gate. On 4500, NAT-keepalives
/// (0xFF) and ESP in UDP pass as they are and keep the mapping alive; IKE after the non-ESP marker is read the same way.</para>
/// <para>The gate is opened by the exchanges that negotiate ESP (IKEv1 Quick Mode, IKEv2 IKE_AUTH and CREATE_CHILD_SA),
/// either way, refreshed by each; one per peer and public address at a time.</para>
/// </remarks>
public sealed class IpsecNatAlg : IAlgHandler
{
    /// <summary>IKE's NAT-traversal port (RFC 3948 §2).</summary>
    public const ushort NatTraversalPort = 4500;

    public AlgDescriptor Descriptor => IpsecNatAlgDescriptor.Instance;

    public object? CreateSettings(in AlgSettingsSource source) => new IpsecNatSettings(in source);

    public object? CreateSession(in AlgFlowContext context) => context.Protocol == IpProtocol.Udp ? new IpsecNatSession() : null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is not IpsecNatSession session)
        {
            return;
        }

        var settings = context.SettingsAs<IpsecNatSettings>();
        var ike = data;
        if (context.Remote.Port == NatTraversalPort || context.Inside.Port == NatTraversalPort)
        {
            session.NatTraversal = true;
            if (IkeMessageParser.Classify(data) != NatTraversalDatagram.Ike)
            {
                // A keepalive or ESP in UDP: the NAPT mapping it refreshes is all there is to it.
                return;
            }

            ike = data[4..];
        }

        var status = IkeMessageParser.Parse(ike, out var message, out var error);
        if (status == IkeParseStatus.Error)
        {
            output.ReportMalformed(IkeMessageParser.Describe(error));
            return;
        }

        if (status == IkeParseStatus.Incomplete)
        {
            output.ReportMalformed("IPsec-NAT: an IKE datagram shorter than its header or its Length (RFC 7296 §3.1)");
            return;
        }

        session.NatTraversal |= message.NatDetection;
        if (settings.SpiMatching && !session.NatTraversal && message.NegotiatesEsp && context.Translated)
        {
            IpsecNatGatePlanner.OpenGate(in context, settings, session, ref output);
        }
    }
}
