using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Ftp;

/// <summary>
/// Acts on a line that announces a data endpoint (PORT, EPRT, 227, 229): checks that it is the sender's own, rewrites
/// it to the public mapping the runtime reserves for it, and opens one single-use pinhole for the data connection.
/// </summary>
/// <remarks>
/// <para>Only an address equal to the sender's own pre-NAT address is accepted (RFC 2577 §3: anything else is the FTP
/// bounce; Linux's <c>loose=0</c>), and only a port of 1024 or more (RFC 2577 §3; the reference §1.3). A refusal opens
/// nothing and rewrites nothing; the segment is forwarded as it came and counted.</para>
/// <para>The pinhole admits the control connection's other end only, from any port (RFC 959 §3.2: the server's data
/// port is L-1 by default but clients and servers use others), to the announced endpoint only, once.</para>
/// </remarks>
internal static class FtpRewriter
{
    /// <summary>How long a pinhole and its reserved mapping wait for the data connection: Linux's FTP expectation
    /// timeout (5 min), far above any client's connect delay.</summary>
    public const long PinholeLifetime = 300 * NatTimeouts.Second;

    /// <summary>The pinhole group of a control connection's data connection. One at a time, as Linux's
    /// <c>max_expected = 1</c>: a new PORT or 227 replaces the previous hole (closing a group is O(its holes), where
    /// replacing by owner would scan the table).</summary>
    public const long DataGroup = 1;

    private const string DataPortReason = "RFC 959 §3.2: the data connection's source port is not signalled (L-1 by default, any in passive mode)";

    /// <param name="pinhole">The data connection's pinhole, when one is to open; the caller asks for the last of a segment's
    /// (a later PORT replaces an earlier one, and a segment's requests are all applied together).</param>
    public static bool Act(in AlgFlowContext context, in FtpLine line, int lineOffset, bool canRewrite, FtpSettings settings, ref AlgOutput output, out ExpectationSpec pinhole)
    {
        pinhole = default;
        var senderInside = context.ArrivalSide == FlowSide.Inside;
        var sender = senderInside ? context.Inside.Address : context.Remote.Address;
        if (line.IsIpv6)
        {
            // The runtime translates IPv4 only, so an IPv6 address on this IPv4 connection is never the sender's own.
            output.ReportMalformed("FTP: EPRT names an IPv6 address on an IPv4 control connection, not the sender's own (RFC 2428 §2, RFC 2577 §3)");
            return false;
        }

        // 229 names no address: the data connection goes to the control connection's server (RFC 2428 §3).
        var announced = line.AddressStart >= 0 ? line.Address : sender;
        if (announced != sender)
        {
            output.ReportMalformed("FTP bounce: the announced address is not the sender's own (RFC 2577 §3)");
            return false;
        }

        if (line.Port < 1024)
        {
            if (settings.Strict)
            {
                output.RequestDrop("ftp strict: a data port below 1024 (invalid port negotiation)", wholeConnection: true);
            }
            else
            {
                output.ReportMalformed("FTP: a data port below 1024 is refused (RFC 2577 §3)");
            }

            return false;
        }

        if (!senderInside)
        {
            return OpenTowardsOutsideSender(in context, in line, out pinhole);
        }

        var inside = new AlgEndpoint(context.Inside.Address, (ushort)line.Port);
        var mapped = inside;
        if (context.Translated)
        {
            if (!context.Nat.TryReserveMapping(IpProtocol.Tcp, inside, new AlgEndpoint(context.Remote.Address, 0), PinholeLifetime, out mapped, out _) || mapped.Port < 1024)
            {
                output.ReportMalformed("FTP: no public port for the data connection could be reserved");
                return false;
            }
        }

        Span<TextEdit> edits = stackalloc TextEdit[2];
        var count = 0;
        if (line.Kind is FtpLineKind.Port or FtpLineKind.PassiveReply)
        {
            if (mapped != new AlgEndpoint(line.Address, (ushort)line.Port))
            {
                TextEditPlan.TryAdd(edits, ref count, new TextEdit(line.AddressStart, line.AddressLength, TextEditKind.CommaAddress, mapped.Address, mapped.Port));
            }
        }
        else
        {
            if (line.AddressStart >= 0 && mapped.Address != line.Address)
            {
                TextEditPlan.TryAdd(edits, ref count, new TextEdit(line.AddressStart, line.AddressLength, TextEditKind.Address, mapped.Address, 0));
            }

            if (mapped.Port != line.Port)
            {
                TextEditPlan.TryAdd(edits, ref count, new TextEdit(line.PortStart, line.PortLength, TextEditKind.Number, 0, mapped.Port));
            }
        }

        if (count > 0)
        {
            if (!canRewrite)
            {
                // Its start already left in an earlier segment (the hold was refused: too long, FIN, or a sender
                // retransmitting it): a half-rewritten command is worse than none, and an unrewritten one names an
                // address the far end cannot reach, so nothing opens.
                output.ReportMalformed("FTP: a command split over segments could not be held back and rewritten whole");
                return false;
            }

            if (!TextEditPlan.TryEmit(edits[..count], lineOffset, ref output))
            {
                output.ReportMalformed("FTP: the rewritten line does not fit the ALG's output buffer");
                return false;
            }
        }

        // Active mode (client inside) or passive mode (server inside): the far end connects to the public endpoint.
        pinhole = DataPinhole(in context, FlowSide.Outside, context.Remote.Address, mapped, inside);
        return true;
    }

    /// <summary>Asks for a data connection's pinhole in place of the control connection's previous one.</summary>
    public static void Open(in ExpectationSpec pinhole, ref AlgOutput output)
    {
        output.TryRemovePinholeGroup(DataGroup);
        output.TryRequestPinhole(in pinhole);
    }

    /// <summary>The sender is outside and nothing of it is translated. A PORT from an outside client to a server
    /// behind the gateway: the server's data connection (from the inside) may go to that endpoint only. A 227/229 from
    /// an outside server needs nothing: the inside client connects out like any client.</summary>
    private static bool OpenTowardsOutsideSender(in AlgFlowContext context, in FtpLine line, out ExpectationSpec pinhole)
    {
        pinhole = default;
        if (line.Kind is not (FtpLineKind.Port or FtpLineKind.Eprt))
        {
            return false;
        }

        var client = new AlgEndpoint(context.Remote.Address, (ushort)line.Port);
        pinhole = DataPinhole(in context, FlowSide.Inside, context.Inside.Address, client, client);
        return true;
    }

    /// <summary>The data connection's pinhole: from <paramref name="peer"/> (any port), arriving on
    /// <paramref name="arrivalSide"/> at <paramref name="local"/>, sent on to <paramref name="translated"/>.</summary>
    private static ExpectationSpec DataPinhole(in AlgFlowContext context, FlowSide arrivalSide, uint peer, AlgEndpoint local, AlgEndpoint translated) =>
        new(
            IpProtocol.Tcp,
            arrivalSide,
            ExpectedPeer.AddressOnly(peer, DataPortReason),
            local.Address,
            local.Port,
            translated.Address,
            translated.Port,
            PinholeLifetime,
            Persistent: false,
            context.Flow,
            context.OwnerTag,
            DataGroup);
}
