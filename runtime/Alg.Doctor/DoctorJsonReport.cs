using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Alg.Doctor;

/// <summary>`alg doctor --json`: an array with one object per call; field names are documented in docs/doctor.md.</summary>
public static class DoctorJsonReport
{
    /// <remarks>SIP names are written as they are ("Bob &lt;sip:…&gt;"): the output goes to terminals and files, not into HTML.</remarks>
    public static string Render(IReadOnlyList<CallDiagnosis> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var call in calls)
            {
                Write(json, call);
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter json, CallDiagnosis call)
    {
        json.WriteStartObject();
        json.WriteString("callId", call.CallId);
        json.WriteString("caller", call.Caller);
        json.WriteString("callee", call.Callee);
        json.WriteString("transport", call.Transport);
        json.WriteString("start", Time(call.StartNanoseconds));
        json.WriteString("verdict", call.Verdict.Code());
        if (call.Silent is { } silent)
        {
            json.WriteString("silent", silent.Code());
        }
        else
        {
            json.WriteNull("silent");
        }

        json.WriteStartArray("captures");
        foreach (var capture in call.Captures)
        {
            json.WriteStartObject();
            json.WriteString("file", capture.Capture);
            json.WriteString("side", capture.Inside ? "phone" : "outside");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("signalling");
        foreach (var message in call.Signalling)
        {
            WriteMessage(json, call, message);
        }

        json.WriteEndArray();
        json.WriteStartArray("offerAnswer");
        foreach (var sdp in call.OfferAnswer)
        {
            json.WriteStartObject();
            json.WriteString("capture", sdp.Capture);
            json.WriteNumber("frame", sdp.Frame);
            json.WriteString("message", sdp.Label);
            json.WriteNumber("cseq", sdp.CSeq);
            json.WriteString("role", sdp.Role);
            json.WriteString("party", sdp.Party.Code());
            WriteSdp(json, sdp.Sdp);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("media");
        foreach (var direction in call.Media)
        {
            WriteDirection(json, call, direction);
        }

        json.WriteEndArray();
        json.WriteStartArray("causes");
        foreach (var cause in call.Causes)
        {
            WriteCause(json, cause);
        }

        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (var note in call.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, CallDiagnosis call, CallMessage message)
    {
        var m = message.Message;
        json.WriteStartObject();
        json.WriteString("capture", m.Capture);
        json.WriteNumber("frame", m.Frame);
        json.WriteNumber("offset", Seconds(call, m.TimeNanoseconds));
        json.WriteString("transport", m.Transport);
        json.WriteString("source", m.Source.ToString());
        json.WriteString("destination", m.Destination.ToString());
        json.WriteString("message", m.Label);
        json.WriteNumber("cseq", m.CSeq);
        json.WriteString("sender", message.Sender.Code());
        WriteOptional(json, "via", m.ViaSentBy?.ToString());
        WriteOptional(json, "contact", m.Contact?.ToString());
        if (m.Sdp is { } sdp)
        {
            json.WritePropertyName("sdp");
            json.WriteStartObject();
            WriteSdp(json, sdp);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteSdp(Utf8JsonWriter json, SdpSummary sdp)
    {
        WriteOptional(json, "origin", sdp.OriginAddress);
        WriteOptional(json, "connection", sdp.ConnectionAddress);
        WriteOptional(json, "audio", sdp.Audio?.Endpoint?.ToString());
        json.WriteBoolean("ice", sdp.UsesIce);
    }

    private static void WriteDirection(Utf8JsonWriter json, CallDiagnosis call, MediaDirectionReport direction)
    {
        json.WriteStartObject();
        json.WriteString("from", direction.From.Code());
        json.WriteString("to", direction.To.Code());
        WriteOptional(json, "announced", direction.Announced?.ToString());
        WriteOptional(json, "announcedIn", direction.AnnouncedIn);
        json.WriteBoolean("heard", direction.Heard);
        json.WriteStartArray("rtp");
        foreach (var flow in direction.Observations)
        {
            json.WriteStartObject();
            json.WriteString("capture", flow.Capture);
            json.WriteString("source", flow.Source.ToString());
            json.WriteString("destination", flow.Destination.ToString());
            json.WriteNumber("packets", flow.Packets);
            json.WriteString("first", Time(flow.FirstNanoseconds));
            json.WriteString("last", Time(flow.LastNanoseconds));
            json.WriteNumber("firstOffset", Seconds(call, flow.FirstNanoseconds));
            json.WriteNumber("lastOffset", Seconds(call, flow.LastNanoseconds));
            json.WriteString("kind", Kind(flow.Kind));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCause(Utf8JsonWriter json, DoctorCause cause)
    {
        json.WriteStartObject();
        json.WriteString("code", cause.Code);
        json.WriteString("message", cause.Message);
        if (cause.Config is { } config)
        {
            json.WritePropertyName("config");
            json.WriteStartObject();
            json.WriteString("file", config.File);
            if (config.IsDefault)
            {
                json.WriteNull("line");
                json.WriteNull("text");
            }
            else
            {
                json.WriteNumber("line", config.Line);
                json.WriteString("text", config.LineText);
            }

            json.WriteBoolean("default", config.IsDefault);
            json.WriteBoolean("defaultInferred", config.DefaultIsInferred);
            json.WriteString("explanation", config.Explanation);
            json.WriteStartArray("fix");
            foreach (var line in config.FixLines)
            {
                json.WriteStringValue(line);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string Kind(RtpObservationKind kind) => kind switch
    {
        RtpObservationKind.ToAnnounced => "to-announced",
        RtpObservationKind.ArrivedTranslated => "arrived-translated",
        RtpObservationKind.ToOldEndpoint => "to-old-endpoint",
        _ => "stray",
    };

    private static double Seconds(CallDiagnosis call, long nanoseconds) => Math.Round((nanoseconds - call.StartNanoseconds) / 1e9, 6);

    private static string Time(long nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
