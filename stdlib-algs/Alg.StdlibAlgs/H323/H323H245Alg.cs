using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.H323.Per;

namespace Alg.StdlibAlgs.H323;

/// <summary>
/// H.245 ALG (ITU-T H.245 over TPKT; algs.md §4.2–§4.3) on the connections an h245Address opens: the Q.931 ALG's
/// pinhole names this ALG as their inspector. OpenLogicalChannel and OpenLogicalChannelAck media addresses (forward
/// and reverse) of the inside party become public RTP/RTCP pairs with pinholes from the peer; T.120 separateStack
/// gets a TCP pinhole; CloseLogicalChannel closes a channel's pair, endSessionCommand all of them.
/// </summary>
/// <remarks>Framing, errors and H.460 as in <see cref="H323Q931Alg"/>; an OpenLogicalChannel with H.460.19
/// traversal parameters makes the connection pass untouched from then on.</remarks>
public sealed class H323H245Alg : IAlgHandler
{
    private readonly H323Endpoints _endpoints;
    private readonly H323Findings _findings = new();

    public H323H245Alg(H323Endpoints endpoints)
    {
        _endpoints = endpoints;
    }

    public AlgDescriptor Descriptor => H323H245AlgDescriptor.Instance;

    public object? CreateSettings(in AlgSettingsSource source) => new H323Settings(in source);

    public object? CreateSession(in AlgFlowContext context) => context.Protocol == IpProtocol.Tcp ? new H323H245Session() : null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is not H323H245Session session)
        {
            return;
        }

        var settings = context.SettingsAs<H323Settings>();
        if (session.Traversal || _endpoints.UsesTraversal(context.Inside.Address, context.Now))
        {
            output.StopInspecting = true;
            return;
        }

        var direction = context.Direction == AlgDirection.Reply ? 1 : 0;
        var position = Math.Min(session.Stream.SkipRemaining[direction], data.Length);
        session.Stream.SkipRemaining[direction] -= position;
        while (position < data.Length)
        {
            var status = Q931Parser.ReadTpkt(data[position..], out var length);
            if (status == TpktStatus.Error)
            {
                output.ReportMalformed(H323DecodeErrorText.Describe(H323DecodeError.BadTpkt));
                output.StopInspecting = true;
                position = data.Length;
                break;
            }

            if (status == TpktStatus.Incomplete)
            {
                if (length > H323TpktStream.MaxMessageLength)
                {
                    session.Stream.SkipRemaining[direction] = length - (data.Length - position);
                    position = data.Length;
                }
                else if (context.Translated)
                {
                    output.HoldFrom = position;
                }

                break;
            }

            if (length > Q931Parser.TpktHeaderLength)
            {
                _findings.Reset();
                var reader = new PerReader(data, position + Q931Parser.TpktHeaderLength, length - Q931Parser.TpktHeaderLength);
                H245Walker.ReadMessage(ref reader, _findings);
                if (reader.Failed)
                {
                    output.ReportMalformed(H323DecodeErrorText.Describe(reader.Error));
                }
                else if (_findings.H460)
                {
                    session.Traversal = true;
                    output.ReportPartRefused("H.323: an H.460.19 traversal channel passes untouched and opens nothing (algs.md §4.6)");
                    output.StopInspecting = true;
                    position = data.Length;
                    break;
                }
                else
                {
                    H323Translator.Translate(in context, settings, _findings, session.Media, 0, position >= context.PacketStart, ref output);
                }
            }

            position += length;
        }

        output.Consumed = position;
    }
}
