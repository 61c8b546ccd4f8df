using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Mgcp;

/// <summary>
/// MGCP ALG (RFC 3435) over UDP 2427 (gateway) and 2727 (call agent): reads every piggy-backed message of a datagram,
/// translates the session descriptions a gateway behind the NAT sends for its own media, opens and closes the
/// media pinholes of its connections, and keeps the call agent able to reach it. See <see cref="MgcpRewriter"/>.
/// </summary>
public sealed class MgcpAlg : IAlgHandler
{
    private const int MaxEdits = 64;

    public AlgDescriptor Descriptor => MgcpAlgDescriptor.Instance;

    public object? CreateSettings(in AlgSettingsSource source) => new MgcpSettings(in source);

    public object? CreateSession(in AlgFlowContext context) => context.Protocol == IpProtocol.Udp ? new MgcpSession() : null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is not MgcpSession session)
        {
            return;
        }

        var settings = context.SettingsAs<MgcpSettings>();
        Span<TextEdit> edits = stackalloc TextEdit[MaxEdits];
        var editCount = 0;
        var position = 0;
        while (position < data.Length)
        {
            if (!MgcpMessageParser.TryParse(data, position, out var message, out var error))
            {
                // Nothing of a datagram that is not MGCP is acted on; a bad piggy-backed message ends the reading.
                if (position == 0)
                {
                    output.ReportMalformed(MgcpMessageParser.Describe(error));
                    return;
                }

                output.ReportPartRefused(MgcpMessageParser.Describe(error) + " in a piggy-backed message; the rest of the datagram is not read");
                break;
            }

            MgcpRewriter.OnMessage(in context, session, settings, data, in message, edits, ref editCount, ref output);
            if (message.Next <= position)
            {
                break;
            }

            position = message.Next;
        }

        if (editCount > 0 && !TextEditPlan.TryEmit(edits[..editCount], 0, ref output))
        {
            output.ReportMalformed("MGCP: the translated datagram does not fit the ALG's output buffer");
            return;
        }

        MgcpRewriter.RefreshSignalling(in context, session, settings, ref output);
    }
}
