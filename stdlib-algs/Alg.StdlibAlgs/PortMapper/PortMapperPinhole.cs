using Alg.Runtime.Algs;
using Alg.Runtime.Flows;

namespace Alg.StdlibAlgs.PortMapper;

/// <summary>
/// The pinhole a port mapper's answer opens (SunRPC's rpcbind, DCE/RPC's endpoint mapper: algs.md §5.2, §6.2): the
/// client that asked may reach the port the server that answered handed out, on the protocol it handed it out for,
/// from any source port, for the mapping's lifetime. Shared so both ALGs open exactly the same shape.
/// </summary>
/// <remarks>
/// <para>Server outside, client inside: an outbound pinhole from the client to the server's port (a gateway whose ACL
/// admits only the port mapper still lets the service through); nothing to rewrite.</para>
/// <para>Server inside (static NAT, port forward): the port is reserved on the public address (port-preserved when
/// free) and the inbound pinhole admits the asking client to it; the caller rewrites the answer to
/// <c>mapped</c>.</para>
/// <para>Persistent and outliving the port mapper's flow: <c>rpcinfo</c> and impacket close the mapper connection
/// before they dial the port, and NFS or Exchange clients come back to it many times within the mapping's life.</para>
/// <para>A map entry (Junos <c>map-entry-timeout</c>: the program-to-port or UUID-to-port map is kept, algs.md §6.2,
/// §5.2): instead of the asking client, any client that the arrival interface's inbound ACL lets reach this port
/// mapper (<see cref="AdmissionProxy"/>) may reach the service — a client that cached the port, or learnt it from
/// another client, did not ask. It admits exactly the clients that could have asked, so it opens nothing asking would
/// not; one entry per service endpoint, replaced when learnt again.</para>
/// </remarks>
public static class PortMapperPinhole
{
    private const string ClientPortReason = "a port mapper's client dials the mapped port from a fresh ephemeral port (RFC 1833 §3, C706 Appendix O)";

    private const string MapEntryReason = "a port mapper's map entry (Junos map-entry-timeout): any client the arrival interface's inbound ACL lets reach the mapper it was learnt on";

    /// <summary>The server that answered: the inside host when it answered from inside, else the outside peer.</summary>
    public static uint ServerOf(in AlgFlowContext context) => context.ArrivalSide == FlowSide.Inside ? context.Inside.Address : context.Remote.Address;

    /// <param name="mapEntry">Open a map entry for every client the policy lets reach this mapper, not a pinhole for the
    /// asking client alone.</param>
    /// <returns>False (and a part refusal reported) when no public port could be reserved for a server inside.</returns>
    public static bool TryOpen(in AlgFlowContext context, byte protocol, ushort port, long lifetime, long group, out AlgEndpoint mapped, ref AlgOutput output, bool mapEntry = false)
    {
        ExpectationSpec pinhole;
        if (context.ArrivalSide == FlowSide.Inside)
        {
            var inside = new AlgEndpoint(context.Inside.Address, port);
            mapped = inside;
            if (context.Translated
                && !context.Nat.TryReserveMapping(protocol, inside, new AlgEndpoint(context.Remote.Address, 0), lifetime, out mapped, out _))
            {
                output.ReportPartRefused("port mapper: no public port for the mapped service could be reserved; nothing opens");
                return false;
            }

            pinhole = new ExpectationSpec(
                protocol, FlowSide.Outside, mapEntry ? ExpectedPeer.UnknownBecause(MapEntryReason) : ExpectedPeer.AddressOnly(context.Remote.Address, ClientPortReason),
                mapped.Address, mapped.Port, inside.Address, inside.Port, lifetime, Persistent: true,
                context.Flow, context.OwnerTag, group, OutlivesMaster: true,
                AdmitLike: mapEntry ? new AdmissionProxy(context.Protocol, context.Mapped.Address, context.Mapped.Port, context.Inside.Address, context.Inside.Port) : default);
        }
        else
        {
            var server = context.Remote.Address;
            mapped = new AlgEndpoint(server, port);
            pinhole = new ExpectationSpec(
                protocol, FlowSide.Inside, mapEntry ? ExpectedPeer.UnknownBecause(MapEntryReason) : ExpectedPeer.AddressOnly(context.Inside.Address, ClientPortReason),
                server, port, server, port, lifetime, Persistent: true,
                context.Flow, context.OwnerTag, group, OutlivesMaster: true,
                AdmitLike: mapEntry ? new AdmissionProxy(context.Protocol, server, context.Remote.Port, server, context.Remote.Port) : default);
        }

        // A repeated question about the same service leaves one pinhole.
        output.TryRemovePinholeGroup(group);
        output.TryRequestPinhole(in pinhole);
        return true;
    }
}
