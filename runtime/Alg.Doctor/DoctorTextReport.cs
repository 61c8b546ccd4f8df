using System.Globalization;
using System.Text;

namespace Alg.Doctor;

/// <summary>The diagnosis as a network engineer reads it: one block per call, evidence with capture and frame numbers.</summary>
public static class DoctorTextReport
{
    public static string Render(IReadOnlyList<CallDiagnosis> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var text = new StringBuilder();
        for (var i = 0; i < calls.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            Render(text, i + 1, calls[i]);
        }

        return text.ToString();
    }

    private static void Render(StringBuilder text, int number, CallDiagnosis call)
    {
        var h323 = call.Transport == "h323";
        Line(text, h323 ? $"call {number}: {call.CallId}" : $"call {number}: Call-ID {call.CallId}");
        Line(text, $"  caller   {call.Caller}");
        Line(text, $"  callee   {call.Callee}");
        Line(text, $"  verdict  {call.Verdict.Code().ToUpperInvariant()}{Summary(call)}");
        Line(text, $"  captures {string.Join(", ", call.Captures.Select(c => $"{c.Capture} ({(c.Inside ? "phone side" : "outside")})"))}");
        var frameWidth = call.Signalling.Select(m => Frame(m.Message.Capture, m.Message.Frame).Length).DefaultIfEmpty(0).Max();
        var flowWidth = call.Media.SelectMany(d => d.Observations).Select(o => o.Capture.Length).DefaultIfEmpty(0).Max();
        Line(text, $"  signalling ({call.Transport})");
        foreach (var message in call.Signalling)
        {
            var m = message.Message;
            Line(text, $"    {Frame(m.Capture, m.Frame).PadRight(frameWidth)} {Offset(call, m.TimeNanoseconds),9}  {m.Source,-21} -> {m.Destination,-21} {m.Label} ({message.Sender.Code()})");
        }

        if (call.OfferAnswer.Count > 0)
        {
            Line(text, h323 ? "  logical channels (mediaChannel: where the sender receives RTP)" : "  offer/answer");
            foreach (var sdp in call.OfferAnswer)
            {
                var audio = sdp.Sdp.Audio?.Endpoint?.ToString() ?? "none";
                Line(text, h323
                    ? $"    {Frame(sdp.Capture, sdp.Frame).PadRight(frameWidth)} {sdp.Role,-6} by {sdp.Party.Code()}  mediaChannel {audio}  ({sdp.Label})"
                    : $"    {Frame(sdp.Capture, sdp.Frame).PadRight(frameWidth)} {sdp.Role,-6} by {sdp.Party.Code()}  o={sdp.Sdp.OriginAddress ?? "-"}  c={sdp.Sdp.ConnectionAddress ?? "-"}  audio {audio}  ({sdp.Label}, CSeq {sdp.CSeq})");
            }
        }

        if (call.Media.Count > 0)
        {
            Line(text, "  media");
            foreach (var direction in call.Media)
            {
                var target = direction.Announced is { } announced ? $"to {announced} ({(h323 ? "mediaChannel" : "SDP")} in {direction.AnnouncedIn})" : h323 ? "no mediaChannel" : "no SDP endpoint";
                Line(text, $"    {direction.From.Code()} -> {direction.To.Code()}  {target}: {(direction.Heard ? "heard" : "SILENT")}");
                if (direction.Observations.Count == 0)
                {
                    Line(text, "      no RTP in the captures");
                }

                foreach (var flow in direction.Observations)
                {
                    Line(text, $"      {flow.Capture.PadRight(flowWidth)} {flow.Source,-21} -> {flow.Destination,-21} {flow.Packets,5} pkts  {Offset(call, flow.FirstNanoseconds)} .. {Offset(call, flow.LastNanoseconds)}  {Describe(flow.Kind, h323 ? "mediaChannel" : "SDP endpoint")}");
                }
            }
        }

        foreach (var cause in call.Causes)
        {
            Line(text, $"  cause    {cause.Code}: {cause.Message}");
            if (cause.Config is { } config)
            {
                var where = config.IsDefault
                    ? $"{config.File}: no line ({(config.DefaultIsInferred ? "dialect default, inferred" : "dialect default")})"
                    : $"{config.File}:{config.Line}: {config.LineText}";
                Line(text, $"    config {where}");
                Line(text, $"           {config.Explanation}");
                foreach (var fix in config.FixLines)
                {
                    Line(text, $"    fix    {fix}");
                }
            }
        }

        foreach (var note in call.Notes)
        {
            Line(text, $"  note     {note}");
        }
    }

    private static string Summary(CallDiagnosis call) => call.Verdict switch
    {
        CallVerdict.OneWay when call.Silent is { } silent => $": the {silent.Other().Code()} hears nothing from the {silent.Code()}",
        CallVerdict.NoAudio => ": neither side hears the other",
        CallVerdict.NotEstablished when call.Transport == "h323" => ": no Connect answered the Setup",
        CallVerdict.NotEstablished => ": no 2xx answered the INVITE",
        _ => string.Empty,
    };

    /// <param name="announcement">What announced the endpoint: SIP's "SDP endpoint", H.323's "mediaChannel".</param>
    private static string Describe(RtpObservationKind kind, string announcement) => kind switch
    {
        RtpObservationKind.ToAnnounced => $"to the {announcement}",
        RtpObservationKind.ArrivedTranslated => "arrived (de-NATed)",
        RtpObservationKind.ToOldEndpoint => "to an endpoint a re-INVITE replaced",
        _ => $"NOT to the {announcement}",
    };

    private static string Frame(string capture, long frame) => string.Create(CultureInfo.InvariantCulture, $"{capture} #{frame}");

    /// <summary>Seconds from the call's first INVITE: captures of the same call share a clock when taken on one host.</summary>
    internal static string Offset(CallDiagnosis call, long nanoseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{(nanoseconds - call.StartNanoseconds) / 1e9:+0.000;-0.000}s");

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
