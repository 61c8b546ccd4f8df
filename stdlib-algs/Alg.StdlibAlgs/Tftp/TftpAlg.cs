using System.Buffers.Binary;
using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Tftp;

/// <summary>
/// TFTP ALG (RFC 1350): a read or write request to port 69 opens a one-shot pinhole for the server's answer,
/// which comes from a port the server picks afresh (RFC 1350 §4) and so matches no existing flow.
/// </summary>
/// <remarks>
/// <para>Client inside (the common case): the pinhole waits on the client's mapped endpoint for the server's
/// address from any port; the first answer becomes a flow translated back to the client's private endpoint,
/// and the rest of the transfer (DATA/ACK, RFC 1350 §5-6) rides that flow. Server inside behind a port
/// forward: the pinhole waits on the inside for the server's answer to the client's endpoint.</para>
/// <para>Nothing is rewritten: TFTP carries no addresses. Malformed requests (short, unknown opcode, filename
/// or mode not NUL-terminated, unknown mode) open nothing, pass untouched and are counted.</para>
/// <para>Lifetime: the policy's UDP idle timeout (default 5 min, RFC 4787 REQ-5), as the Linux helper's 5 min
/// expectation; a pinhole is single-use and a retransmitted request replaces the previous one.</para>
/// </remarks>
public sealed class TftpAlg : IAlgHandler
{
    public const ushort ReadRequest = 1;
    public const ushort WriteRequest = 2;

    /// <summary>Why the pinhole cannot name the server's port.</summary>
    public const string NewTidReason = "RFC 1350 §4: the server answers from a newly chosen TID (UDP port)";

    private const long DefaultLifetime = 300 * NatTimeouts.Second;

    public AlgDescriptor Descriptor => TftpAlgDescriptor.Instance;

    public object? CreateSession(in AlgFlowContext context) => null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Direction != AlgDirection.Original || context.Protocol != IpProtocol.Udp)
        {
            // Answers on the port-69 flow (an ERROR from the server's port 69) announce nothing.
            return;
        }

        var reason = Validate(data);
        if (reason is not null)
        {
            output.ReportMalformed(reason);
            return;
        }

        var lifetime = context.Timeouts.Udp == NatTimeouts.Never ? DefaultLifetime : context.Timeouts.Udp;
        ExpectationSpec spec;
        if (context.InsideInitiated)
        {
            // Client inside: the answer arrives outside, from the server's address, at the client's mapped endpoint.
            spec = new ExpectationSpec(
                IpProtocol.Udp,
                FlowSide.Outside,
                ExpectedPeer.AddressOnly(context.Remote.Address, NewTidReason),
                context.Mapped.Address,
                context.Mapped.Port,
                context.Inside.Address,
                context.Inside.Port,
                lifetime,
                Persistent: false,
                context.Flow,
                context.OwnerTag);
        }
        else
        {
            // Server inside behind a port forward: its answer starts inside, towards the client's endpoint.
            spec = new ExpectationSpec(
                IpProtocol.Udp,
                FlowSide.Inside,
                ExpectedPeer.AddressOnly(context.Inside.Address, NewTidReason),
                context.Remote.Address,
                context.Remote.Port,
                context.Remote.Address,
                context.Remote.Port,
                lifetime,
                Persistent: false,
                context.Flow,
                context.OwnerTag);
        }

        output.TryRequestPinhole(in spec, replaceOwn: true);
    }

    /// <summary>Checks an RRQ/WRQ (RFC 1350 §5, figure 5-1: opcode, filename NUL, mode NUL); null when valid.</summary>
    /// <remarks>RFC 2347 options may follow the mode; they do not change where the answer comes from.</remarks>
    public static string? Validate(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4)
        {
            return "shorter than an opcode and two NUL-terminated strings";
        }

        var opcode = BinaryPrimitives.ReadUInt16BigEndian(data);
        if (opcode != ReadRequest && opcode != WriteRequest)
        {
            return "not RRQ or WRQ: only those may be sent to port 69 (RFC 1350 §4)";
        }

        var rest = data[2..];
        var filenameEnd = rest.IndexOf((byte)0);
        if (filenameEnd <= 0)
        {
            return filenameEnd == 0 ? "empty filename" : "filename not NUL-terminated";
        }

        var mode = rest[(filenameEnd + 1)..];
        var modeEnd = mode.IndexOf((byte)0);
        if (modeEnd < 0)
        {
            return "mode not NUL-terminated";
        }

        mode = mode[..modeEnd];
        if (!AsciiText.EqualsIgnoreCase(mode, "octet"u8) && !AsciiText.EqualsIgnoreCase(mode, "netascii"u8) && !AsciiText.EqualsIgnoreCase(mode, "mail"u8))
        {
            return "unknown transfer mode (RFC 1350 §5: netascii, octet or mail, any case)";
        }

        return null;
    }
}
