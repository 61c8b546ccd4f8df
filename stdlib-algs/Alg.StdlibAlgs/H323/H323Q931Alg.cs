using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.H323.Per;

namespace Alg.StdlibAlgs.H323;

/// <summary>
/// H.323 call signalling ALG (H.225.0 Q.931 over TPKT, TCP 1720; algs.md §4): reads every Q.931 message of the
/// connection, walks its User-user IE's aligned-PER H323-UserInformation, and translates h245Address,
/// destCallSignalAddress, sourceCallSignalAddress, fastStart channels and tunnelled H.245 in place, opening the H.245
/// connection (inspected by <see cref="H323H245Alg"/>) and the media pairs. Release Complete closes the call's pinholes.
/// </summary>
/// <remarks>
/// <para>Framing. TPKTs are read one after the other from the in-order stream (algs.md §0.2 #1), several in a
/// segment, one over several segments — a body split over segments too, which Linux gives up on (§4.1): an
/// unfinished message is held back by the stage and rewritten whole with the segment that completes it. The empty
/// 4-byte TPKT (H.460.18 keep-alive) is passed. A header that is not TPKT ends inspection of the connection.</para>
/// <para>Errors. A Q.931 envelope or PER content that cannot be read forwards the segment untouched, opens nothing
/// and is counted with its <see cref="H323DecodeError"/> reason, like Linux (§0.2 #6).</para>
/// <para>H.460. A message with H.460.17/18/19/23/24 features, or any message of an endpoint the RAS ALG saw
/// registering with them, passes untouched and the connection is no longer inspected (§4.6).</para>
/// </remarks>
public sealed class H323Q931Alg : IAlgHandler
{
    private readonly H323Endpoints _endpoints;
    private readonly H323Findings _findings = new();

    public H323Q931Alg(H323Endpoints endpoints)
    {
        _endpoints = endpoints;
    }

    public AlgDescriptor Descriptor => H323Q931AlgDescriptor.Instance;

    public object? CreateSettings(in AlgSettingsSource source) => new H323Settings(in source);

    public object? CreateSession(in AlgFlowContext context) => context.Protocol == IpProtocol.Tcp ? new H323Q931Session() : null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is not H323Q931Session session)
        {
            return;
        }

        var settings = context.SettingsAs<H323Settings>();
        if (settings.StandAside || session.Traversal || _endpoints.UsesTraversal(context.Inside.Address, context.Now))
        {
            session.Traversal = true;
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
                OnMessage(in context, session, settings, data, position, length, ref output);
                if (session.Traversal || output.DropReasonText is not null)
                {
                    output.StopInspecting = session.Traversal;
                    position = data.Length;
                    break;
                }
            }

            position += length;
        }

        output.Consumed = position;
    }

    private void OnMessage(in AlgFlowContext context, H323Q931Session session, H323Settings settings, ReadOnlySpan<byte> data, int position, int length, ref AlgOutput output)
    {
        var bodyStart = position + Q931Parser.TpktHeaderLength;
        var error = Q931Parser.TryParse(data.Slice(bodyStart, length - Q931Parser.TpktHeaderLength), bodyStart, out var message);
        if (error != H323DecodeError.None)
        {
            output.ReportMalformed(H323DecodeErrorText.Describe(error));
            return;
        }

        if (message.UserInformationStart >= 0)
        {
            _findings.Reset();
            var reader = new PerReader(data, message.UserInformationStart, message.UserInformationLength);
            H225Walker.ReadUserInformation(ref reader, _findings);
            if (reader.Failed)
            {
                output.ReportMalformed(H323DecodeErrorText.Describe(reader.Error));
                return;
            }

            if (_findings.H460)
            {
                session.Traversal = true;
                _endpoints.MarkTraversal(context.Inside.Address, context.Now, H323Settings.TraversalMemory);
                output.ReportPartRefused("H.323: an H.460 traversal endpoint's call passes untouched and opens nothing (algs.md §4.6)");
                return;
            }

            if (_findings.Tunnelled && settings.TunnelBlock)
            {
                output.RequestDrop("H.323: tunnelled H.245 on a connection where h245-tunnel-block drops it (ASA inspect h323 map)", wholeConnection: true);
                return;
            }

            H323Translator.Translate(in context, settings, _findings, session.Media, message.CallReference, position >= context.PacketStart, ref output);
        }

        if (message.MessageType == Q931Message.ReleaseComplete)
        {
            // The call is over (H.225.0 §7.3.2): its H.245 pinhole, the media of its fastStart and tunnelled channels,
            // and the media its separate H.245 connection opened (that connection may never send endSessionCommand).
            output.TryEndAdmittedConnections(H323Translator.CallGroup(message.CallReference));
            output.TryRemovePinholeGroup(H323Translator.CallGroup(message.CallReference));
            H323Translator.CloseMedia(session.Media, message.CallReference, ref output);
        }
    }
}
