using Alg.Doctor;
using Alg.Runtime.Capture;
using static Alg.Engine.Tests.Doctor.SyntheticSipCapture;

namespace Alg.Engine.Tests.Doctor;

/// <summary>Calls the lab did not record, written packet by packet: each isolates one verdict or cause.</summary>
public sealed class DoctorSyntheticCallTests : IDisposable
{
    private const string Phone = "192.168.1.10:5060";
    private const string Mapped = "203.0.113.1:5060";
    private const string Server = "203.0.113.20:5060";

    private readonly string _directory = Directory.CreateTempSubdirectory("alg-doctor-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void An_invite_alone_is_not_established_with_no_response()
    {
        // The lab's one-way call cut after its INVITE (frame 3): no response at all (RFC 3261 §17.1.1).
        var path = FirstRecords(DoctorLab.Capture("sip-udp-no-alg", "lan0.pcap"), 3);

        var call = Assert.Single(CallDoctor.Diagnose([path]));

        Assert.Equal(CallVerdict.NotEstablished, call.Verdict);
        Assert.Empty(call.Media);
        Assert.Equal("no-response", Assert.Single(call.Causes).Code);
    }

    [Fact]
    public void A_provisional_response_without_a_final_one_is_not_established()
    {
        var path = FirstRecords(DoctorLab.Capture("sip-udp-no-alg", "lan0.pcap"), 4);

        var call = Assert.Single(CallDoctor.Diagnose([path]));

        Assert.Equal(CallVerdict.NotEstablished, call.Verdict);
        var cause = Assert.Single(call.Causes);
        Assert.Equal("no-final-response", cause.Code);
        Assert.Contains("100 Trying", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_invite_is_not_established_and_quotes_the_status()
    {
        // RFC 3261 §13.2.2.3: a 4xx-6xx final response ends the INVITE without a dialog.
        var path = Write("rejected.pcap", capture =>
        {
            capture.Sip(0.0, Phone, Server, Invite(Phone, Server, 1, "192.168.1.10", 6000));
            capture.Sip(0.1, Server, Phone, Response("486 Busy Here", Phone, Server, 1, "INVITE"));
            capture.Sip(0.2, Phone, Server, Request("ACK", Phone, Server, 1, "bob1"));
        });

        var call = Assert.Single(CallDoctor.Diagnose([path]));

        Assert.Equal(CallVerdict.NotEstablished, call.Verdict);
        var cause = Assert.Single(call.Causes);
        Assert.Equal("rejected", cause.Code);
        Assert.Contains("486 Busy Here", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reinvite_that_moves_the_media_port_while_the_far_end_keeps_the_old_one_is_one_way()
    {
        // RFC 3264 §8: a new offer/answer may change the port; media must follow it from the answer on.
        const string alice = "198.51.100.10:5060";
        var path = Write("reinvite.pcap", capture =>
        {
            capture.Sip(0.0, alice, Server, Invite(alice, Server, 1, "198.51.100.10", 6000));
            capture.Sip(0.1, Server, alice, Response("200 OK", alice, Server, 1, "INVITE", "203.0.113.20", 8000));
            capture.Sip(0.2, alice, Server, Request("ACK", alice, Server, 1, "bob1"));
            capture.Rtp(0.3, "198.51.100.10:6000", "203.0.113.20:8000", 200);
            capture.Rtp(0.3, "203.0.113.20:8000", "198.51.100.10:6000", 200);
            capture.Sip(2.0, alice, Server, Invite(alice, Server, 2, "198.51.100.10", 6002, "bob1"));
            capture.Sip(2.1, Server, alice, Response("200 OK", alice, Server, 2, "INVITE", "203.0.113.20", 8000));
            capture.Sip(2.2, alice, Server, Request("ACK", alice, Server, 2, "bob1"));
        });

        var call = Assert.Single(CallDoctor.Diagnose([path]));

        Assert.Equal(CallVerdict.OneWay, call.Verdict);
        Assert.Equal(CallParty.Callee, call.Silent);
        Assert.Equal(4, call.OfferAnswer.Count);
        var silent = call.Media.Single(m => !m.Heard);
        Assert.Equal(new MediaEndpoint("198.51.100.10", 6002), silent.Announced);
        Assert.Equal(RtpObservationKind.ToOldEndpoint, Assert.Single(silent.Observations).Kind);
        var cause = Assert.Single(call.Causes);
        Assert.Equal("media-port-changed", cause.Code);
        Assert.Contains("from 198.51.100.10:6000 to 198.51.100.10:6002", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rtp_that_reaches_the_gateway_but_never_the_phone_is_a_missing_pinhole()
    {
        var (inside, outside) = Translated(insideArrivalSeconds: 0);

        var call = Assert.Single(CallDoctor.Diagnose([inside, outside], DoctorLab.Gateway("gateway-ios.cfg")));

        Assert.Equal(CallVerdict.OneWay, call.Verdict);
        Assert.Equal(CallParty.Callee, call.Silent);
        Assert.True(call.Causes.Count == 1, DoctorTextReport.Render([call]));
        Assert.Equal("pinhole-missing", call.Causes[0].Code);
    }

    [Fact]
    public void Rtp_that_stops_reaching_the_phone_while_it_still_reaches_the_gateway_is_an_expired_pinhole()
    {
        var (inside, outside) = Translated(insideArrivalSeconds: 0.5);

        var call = Assert.Single(CallDoctor.Diagnose([inside, outside], DoctorLab.Gateway("gateway-ios.cfg")));

        Assert.True(call.Verdict == CallVerdict.OneWay, DoctorTextReport.Render([call]));
        Assert.True(call.Causes.Count == 1, DoctorTextReport.Render([call]));
        var cause = call.Causes[0];
        Assert.Equal("pinhole-expired", cause.Code);
        Assert.Contains("UDP timeout 300 s", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_where_nobody_sends_rtp_is_no_audio()
    {
        var path = Write("silent.pcap", capture =>
        {
            capture.Sip(0.0, Phone, Server, Invite(Phone, Server, 1, "203.0.113.1", 6000));
            capture.Sip(0.1, Server, Phone, Response("200 OK", Phone, Server, 1, "INVITE", "203.0.113.20", 8000));
            capture.Sip(0.2, Phone, Server, Request("ACK", Phone, Server, 1, "bob1"));
        });

        var call = Assert.Single(CallDoctor.Diagnose([path]));

        Assert.Equal(CallVerdict.NoAudio, call.Verdict);
        Assert.Null(call.Silent);
        Assert.All(call.Causes, c => Assert.Equal("no-rtp", c.Code));
    }

    [Fact]
    public void A_call_id_whose_host_an_alg_translated_is_still_one_call()
    {
        // The builder writes Call-ID synthetic-1@<the address in Via>: 192.168.1.10 inside, 203.0.113.1 outside.
        var (inside, outside) = Translated(insideArrivalSeconds: 3);

        var call = Assert.Single(CallDoctor.Diagnose([inside, outside]));

        Assert.Equal("synthetic-1@192.168.1.10", call.CallId);
        Assert.Equal(2, call.Captures.Count);
        Assert.Equal(CallVerdict.Ok, call.Verdict);
    }

    /// <summary>A call translated by an ALG (inside: private SDP, outside: mapped SDP) whose inbound RTP reaches the phone for a while, or never.</summary>
    private (string Inside, string Outside) Translated(double insideArrivalSeconds)
    {
        var inside = Write("inside.pcap", capture =>
        {
            capture.Sip(0.0, Phone, Server, Invite(Phone, Server, 1, "192.168.1.10", 6000));
            capture.Sip(0.1, Server, Phone, Response("200 OK", Phone, Server, 1, "INVITE", "203.0.113.20", 8000));
            capture.Sip(0.2, Phone, Server, Request("ACK", Phone, Server, 1, "bob1"));
            capture.Rtp(0.3, "192.168.1.10:6000", "203.0.113.20:8000", 150);
            if (insideArrivalSeconds > 0)
            {
                capture.Rtp(0.3, "203.0.113.20:8000", "192.168.1.10:6000", (int)(insideArrivalSeconds / 0.02));
            }
        });
        var outside = Write("outside.pcap", capture =>
        {
            capture.Sip(0.0, Mapped, Server, Invite(Mapped, Server, 1, "203.0.113.1", 6000));
            capture.Sip(0.1, Server, Mapped, Response("200 OK", Mapped, Server, 1, "INVITE", "203.0.113.20", 8000));
            capture.Sip(0.2, Mapped, Server, Request("ACK", Mapped, Server, 1, "bob1"));
            capture.Rtp(0.3, "203.0.113.1:6000", "203.0.113.20:8000", 150);
            capture.Rtp(0.3, "203.0.113.20:8000", "203.0.113.1:6000", 150);
        });
        return (inside, outside);
    }

    private string Write(string name, Action<SyntheticSipCapture> build)
    {
        var path = Path.Combine(_directory, name);
        using (var capture = new SyntheticSipCapture(path))
        {
            build(capture);
        }

        return path;
    }

    private string FirstRecords(string source, int count)
    {
        var path = Path.Combine(_directory, $"first{count}-{Path.GetFileName(source)}");
        using var reader = CaptureReader.Open(source);
        using var writer = PcapWriter.Create(path, reader.Interfaces[0].LinkType, TimestampPrecision.Microseconds);
        for (var i = 0; i < count && reader.TryRead(out var record); i++)
        {
            writer.Write(record);
        }

        return path;
    }
}
