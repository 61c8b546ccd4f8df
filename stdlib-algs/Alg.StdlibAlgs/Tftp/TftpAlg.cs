using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Packets;

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
/// <para>Stateless: no session, so TFTP flows cost the ALG stage nothing; a pinhole is single-use and a
/// retransmitted request replaces the previous one.</para>
/// </remarks>
public sealed class TftpAlg : IAlgHandler
{
    public AlgDescriptor Descriptor => TftpAlgDescriptor.Instance;

    public object? CreateSettings(in AlgSettingsSource source) => new TftpSettings(in source);

    public object? CreateSession(in AlgFlowContext context) => null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Direction != AlgDirection.Original || context.Protocol != IpProtocol.Udp)
        {
            // Answers on the port-69 flow (an ERROR from the server's port 69) announce nothing.
            return;
        }

        if (TftpParser.Parse(data, out _, out var error) != TftpParseStatus.Request)
        {
            output.ReportMalformed(TftpParser.Describe(error));
            return;
        }

        var pinhole = TftpPinholePlanner.AnswerTo(in context, context.SettingsAs<TftpSettings>());
        output.TryRequestPinhole(in pinhole, replaceOwn: true);
    }
}
