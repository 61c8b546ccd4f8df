using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.StdlibAlgs.Rtsp;

/// <summary>
/// RTSP ALG (RFC 2326, RFC 7826): reads the control connection's messages at message boundaries of the in-order
/// stream (pipelined requests, interleaved binary frames skipped by their length), translates SETUP Transport headers
/// and their replies, opens one RTP/RTCP pinhole pair per track and closes a session's pinholes on its TEARDOWN.
/// </summary>
/// <remarks>Bytes that are not RTSP at a message boundary end inspection of the connection (alg-behaviour T1): a
/// Transport header in the middle of something else is never read. See <see cref="RtspRewriter"/> for what is
/// rewritten and opened.</remarks>
public sealed class RtspAlg : IAlgHandler
{
    private const int Client = 0;
    private const int Server = 1;

    public AlgDescriptor Descriptor => RtspAlgDescriptor.Instance;

    public object? CreateSettings(in AlgSettingsSource source) => new RtspSettings(in source);

    public object? CreateSession(in AlgFlowContext context) => context.Protocol == IpProtocol.Tcp ? new RtspSession() : null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is not RtspSession session)
        {
            return;
        }

        var settings = context.SettingsAs<RtspSettings>();
        var fromClient = context.Direction == AlgDirection.Original;
        var direction = fromClient ? Client : Server;
        var position = Math.Min(session.SkipRemaining[direction], data.Length);
        session.SkipRemaining[direction] -= position;

        // What the inside end announces is rewritten, so only its unfinished messages are worth holding back.
        var holds = context.Translated && context.ArrivalSide == FlowSide.Inside;
        while (position < data.Length)
        {
            if (data[position] is (byte)'\r' or (byte)'\n')
            {
                position++;
                continue;
            }

            var rest = data[position..];
            var status = RtspMessageParser.Parse(rest, out var message, out var error);
            if (status == RtspParseStatus.Incomplete)
            {
                if (holds && rest[0] != (byte)'$')
                {
                    output.HoldFrom = position;
                }

                break;
            }

            if (status == RtspParseStatus.Error)
            {
                output.ReportMalformed(RtspMessageParser.Describe(error) + "; the connection is no longer inspected (alg-behaviour T1)");
                output.StopInspecting = true;
                position = data.Length;
                break;
            }

            if (status == RtspParseStatus.Interleaved)
            {
                // RTP/RTCP inside the control connection (RFC 2326 §10.12): nothing to read; skip it even across segments.
                var available = Math.Min(message.Length, rest.Length);
                session.SkipRemaining[direction] = message.Length - available;
                position += available;
                continue;
            }

            var text = rest[..message.Length];
            var canRewrite = position >= context.PacketStart;
            if (message.IsRequest && fromClient)
            {
                if (message.Method == RtspMethod.Setup)
                {
                    RtspRewriter.OnSetupRequest(in context, session, settings, text, in message, position, canRewrite, ref output);
                }
                else if (message.Method == RtspMethod.Teardown)
                {
                    RtspRewriter.OnTeardown(text, in message, ref output);
                }
            }
            else if (!message.IsRequest && !fromClient)
            {
                RtspRewriter.OnSetupReply(in context, session, settings, text, in message, position, canRewrite, ref output);
                RtspRewriter.OnDescription(in context, settings, text, in message, position, canRewrite, ref output);
            }

            position += message.Length;
        }

        output.Consumed = position;
    }
}
