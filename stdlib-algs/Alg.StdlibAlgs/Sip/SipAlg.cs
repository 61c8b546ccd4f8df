using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Sip;

/// <summary>
/// SIP ALG (RFC 3261 with SDP, RFC 4566/3264): translates the private endpoint of the phone behind the gateway in
/// SIP and SDP, opens RTP/RTCP pinholes for the media it announces, and keeps registrations reachable.
/// </summary>
/// <remarks>
/// <para>Framing. UDP: one whole datagram is one message (the stage reassembles fragments first, so a fake header in
/// a later fragment is never read: alg-behaviour §3 T3). TCP: messages are read only from the stream's start or the
/// exact end of the previous whole message (CRLF keep-alives between them are skipped, RFC 5626 §3.5.1); if the
/// first bytes are not a SIP start line the connection is never inspected again (alg-behaviour §3 T1, the NAT
/// Slipstreaming defence). A message split over segments is read when it is whole.</para>
/// <para>What is rewritten and which holes open: <see cref="SipRewriter"/>. TLS (a different port, or bytes that
/// are not SIP text) and SIP over SCTP are never given to this ALG's parser as SIP: they pass untouched.</para>
/// </remarks>
public sealed class SipAlg : IAlgHandler
{
    /// <summary>Larger than any SIP message a phone sends; a stream that buffers more without completing one is given up.</summary>
    public const int MaxMessageBytes = 65535;

    public AlgDescriptor Descriptor => SipAlgDescriptor.Instance;

    /// <summary>The pinhole group of a call or registration: a hash of its Call-ID (see <see cref="Alg.Runtime.Flows.ExpectationSpec.Group"/>).</summary>
    public static long CallGroupOf(ReadOnlySpan<byte> callId) => AsciiText.Hash(callId);

    public object? CreateSettings(in AlgSettingsSource source) => new SipSettings(in source);

    /// <remarks>A flow the outside started (a registration's pinhole, a port-forwarded PBX) is addressed by the
    /// phone's mapped endpoint from its first request on, so its Request-URI and To are mapped back from the start.</remarks>
    public object? CreateSession(in AlgFlowContext context) => new SipSession { ContactTranslated = !context.InsideInitiated };

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        var session = (SipSession)context.Session!;
        var settings = context.SettingsAs<SipSettings>();
        if (context.Protocol == IpProtocol.Tcp)
        {
            InspectStream(in context, session, settings, data, ref output);
        }
        else
        {
            InspectDatagram(in context, session, settings, data, ref output);
        }
    }

    private static void InspectDatagram(in AlgFlowContext context, SipSession session, SipSettings settings, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (IsKeepAlive(data))
        {
            return;
        }

        Span<SipHeaderField> fields = stackalloc SipHeaderField[SipMessageParser.MaxHeaders];
        var status = SipMessageParser.Parse(data, stream: false, fields, out var message, out var error);
        switch (status)
        {
            case SipParseStatus.Complete:
                SipRewriter.Translate(in context, session, settings, data, in message, fields[..message.HeaderCount], 0, canRewrite: true, ref output);
                break;
            case SipParseStatus.NotSip when !settings.AllowNonSip:
                output.RequestDrop("traffic-non-sip: a datagram on a SIP port that is not SIP", wholeConnection: false);
                break;
            case SipParseStatus.Incomplete:
                output.ReportMalformed("SIP start line but malformed header section (RFC 3261 §7.3)");
                break;
            default:
                output.ReportMalformed(SipMessageParser.Describe(error));
                break;
        }
    }

    private static void InspectStream(in AlgFlowContext context, SipSession session, SipSettings settings, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        Span<SipHeaderField> fields = stackalloc SipHeaderField[SipMessageParser.MaxHeaders];
        var position = 0;
        while (position < data.Length)
        {
            // RFC 3261 §7.5 / RFC 5626 §3.5.1: CRLFs between messages are keep-alives, not a message.
            if (data[position] is (byte)'\r' or (byte)'\n')
            {
                position++;
                continue;
            }

            var rest = data[position..];
            var status = SipMessageParser.Parse(rest, stream: true, fields, out var message, out var error);
            if (status == SipParseStatus.Incomplete)
            {
                if (rest.Length > MaxMessageBytes)
                {
                    output.ReportMalformed("a SIP message longer than 64 KiB on a stream");
                    output.StopInspecting = true;
                }
                else
                {
                    // Ask the stage to keep the start back until the rest arrives (alg-behaviour §2 #4).
                    output.HoldFrom = position;
                }

                break;
            }

            if (status != SipParseStatus.Complete)
            {
                // T1: the stream is not (or no longer) SIP at a message boundary; nothing after this can be trusted
                // to start a message, so the connection is not read again.
                if (status == SipParseStatus.NotSip && !settings.AllowNonSip)
                {
                    output.RequestDrop("traffic-non-sip: a SIP connection carries bytes that are not SIP", wholeConnection: true);
                }
                else
                {
                    output.ReportMalformed(status == SipParseStatus.NotSip
                        ? "the stream does not start with a SIP start line at a message boundary (alg-behaviour T1)"
                        : SipMessageParser.Describe(error));
                }

                output.StopInspecting = true;
                position = data.Length;
                break;
            }

            // Only bytes of the current segment can still be edited; a message that began in a segment already
            // forwarded keeps its state effects but is passed as it was.
            var canRewrite = position >= context.PacketStart;
            SipRewriter.Translate(in context, session, settings, rest[..message.End], in message, fields[..message.HeaderCount], position, canRewrite, ref output);
            position += message.End;
        }

        output.Consumed = position;
    }

    /// <summary>RFC 5626 §4.4: CRLF keep-alives and STUN binding requests share the SIP port; they are not messages.</summary>
    private static bool IsKeepAlive(ReadOnlySpan<byte> data)
    {
        if (data.Length <= 4 && data.TrimStart("\r\n"u8).IsEmpty)
        {
            return true;
        }

        // RFC 5389 §6: STUN messages start with two zero bits and carry the magic cookie at offset 4.
        return data.Length >= 20 && (data[0] & 0xC0) == 0 && data[4] == 0x21 && data[5] == 0x12 && data[6] == 0xA4 && data[7] == 0x42;
    }
}
