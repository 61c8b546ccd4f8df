using System.Buffers.Binary;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;

namespace Alg.StdlibAlgs.Pptp;

/// <summary>The call-id edits and the GRE tunnels of the PPTP ALG (algs.md §10.2).</summary>
internal static class PptpRewriter
{
    /// <summary>Writes <paramref name="value"/> over the 2-byte call id field at <paramref name="offset"/> of the data; false
    /// (the field stays, counted) when those bytes already left in an earlier segment.</summary>
    public static bool TryRewriteCallId(in AlgFlowContext context, int offset, ushort value, ref AlgOutput output)
    {
        if (offset < context.PacketStart || !output.HasRoomFor(1, 2) || !output.TryRewrite(offset, 2, 2, out var bytes))
        {
            output.ReportPartRefused("PPTP: a call id in bytes that already left could not be translated (algs.md §10.2)");
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return true;
    }

    /// <summary>The GRE tunnel of a connected call, between the control connection's own ends (RFC 2637 §4.1).</summary>
    public static GreTunnelSpec TunnelOf(in AlgFlowContext context, in PptpCall call, PptpSettings settings)
    {
        // The PNS opens the control connection (the PAC listens on 1723), so the inside host is the PNS when the
        // connection started inside, and the PAC (behind a static NAT or port forward) otherwise.
        var pnsInside = context.InsideInitiated;
        return new GreTunnelSpec(
            context.Inside.Address,
            pnsInside ? call.PnsCallId : call.PacCallId,
            context.Mapped.Address,
            pnsInside ? call.PublicCallId : call.PacCallId,
            context.Remote.Address,
            pnsInside ? call.PacCallId : call.PublicCallId,
            pnsInside,
            settings.GreIdleSeconds,
            context.Flow);
    }
}
