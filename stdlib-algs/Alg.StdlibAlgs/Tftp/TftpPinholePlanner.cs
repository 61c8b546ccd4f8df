using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.StdlibAlgs.Tftp;

/// <summary>The TFTP ALG's "rewriter": TFTP carries no addresses, so nothing is rewritten; what a request causes is
/// one pinhole for the answer, which comes from a port the server picks afresh and so matches no existing flow.</summary>
internal static class TftpPinholePlanner
{
    /// <summary>Why the pinhole cannot name the server's port.</summary>
    public const string NewTidReason = "RFC 1350 §4: the server answers from a newly chosen TID (UDP port)";

    public static ExpectationSpec AnswerTo(in AlgFlowContext context, TftpSettings settings)
    {
        if (context.InsideInitiated)
        {
            // Client inside: the answer arrives outside, from the server's address, at the client's mapped endpoint.
            return new ExpectationSpec(
                IpProtocol.Udp,
                FlowSide.Outside,
                ExpectedPeer.AddressOnly(context.Remote.Address, NewTidReason),
                context.Mapped.Address,
                context.Mapped.Port,
                context.Inside.Address,
                context.Inside.Port,
                settings.PinholeLifetime,
                Persistent: false,
                context.Flow,
                context.OwnerTag);
        }

        // Server inside behind a port forward: its answer starts inside, towards the client's endpoint.
        return new ExpectationSpec(
            IpProtocol.Udp,
            FlowSide.Inside,
            ExpectedPeer.AddressOnly(context.Inside.Address, NewTidReason),
            context.Remote.Address,
            context.Remote.Port,
            context.Remote.Address,
            context.Remote.Port,
            settings.PinholeLifetime,
            Persistent: false,
            context.Flow,
            context.OwnerTag);
    }
}
