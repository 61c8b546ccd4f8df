using Alg.Doctor;

namespace Alg.Engine.Tests.Doctor;

/// <summary>
/// `alg doctor` on the lab captures made with sipp through Linux NAT (tests/data/lab/MANIFEST.md): the phone's
/// side alone, and the phone's side with the outside together, with and without the matching IOS configuration.
/// </summary>
public sealed class DoctorLabCaptureTests
{
    [Theory]
    [InlineData("sip-udp-helper")]
    [InlineData("sip-tcp-helper")]
    [InlineData("sip-register-inbound")]
    [InlineData("sip-stun-rewritten")]
    public void A_good_call_is_ok_from_the_phone_side_alone_and_with_the_outside(string scenario)
    {
        // RFC 3264 §6: each side sends to the address the other's SDP names; both directions arrive.
        foreach (var call in new[]
        {
            DoctorLab.Diagnose(null, DoctorLab.Capture(scenario, "lan0.pcap")),
            DoctorLab.Diagnose(null, DoctorLab.Capture(scenario, "lan0.pcap"), DoctorLab.Capture(scenario, "gw0.pcap")),
            DoctorLab.Diagnose(null, DoctorLab.Capture(scenario, "gw0.pcap")),
        })
        {
            Assert.Equal(CallVerdict.Ok, call.Verdict);
            Assert.Null(call.Silent);
            Assert.Empty(call.Causes);
            Assert.All(call.Media, direction => Assert.True(direction.Heard));
        }
    }

    [Fact]
    public void The_good_call_reports_caller_callee_path_offer_answer_and_rtp_per_direction()
    {
        var call = DoctorLab.Diagnose(null, DoctorLab.Capture("sip-udp-helper", "lan0.pcap"));

        // RFC 3261 §12.1: the caller is the From of the initial INVITE, the callee its To.
        Assert.Equal("sipp <sip:sipp@192.168.1.10:5060>", call.Caller);
        Assert.Equal("alice <sip:alice@203.0.113.20:5060>", call.Callee);
        Assert.Equal("udp", call.Transport);
        Assert.Equal(
            ["INVITE", "100 Trying (INVITE)", "200 OK (INVITE)", "ACK", "BYE", "200 OK (BYE)"],
            call.Signalling.Select(m => m.Message.Label));
        Assert.Equal(new MediaEndpoint("192.168.1.10", 5060), call.Signalling[0].Message.Source);

        // RFC 3264 §5/§6: the INVITE carries the offer, the 200 OK the answer; RFC 4566 §5.7 c= with §5.14 m=.
        var offer = Assert.Single(call.OfferAnswer, e => e.Role == "offer");
        var answer = Assert.Single(call.OfferAnswer, e => e.Role == "answer");
        Assert.Equal((CallParty.Caller, new MediaEndpoint("192.168.1.10", 6000)), (offer.Party, offer.Sdp.Audio!.Endpoint!.Value));
        Assert.Equal((CallParty.Callee, new MediaEndpoint("203.0.113.20", 8000)), (answer.Party, answer.Sdp.Audio!.Endpoint!.Value));

        // 236 PCMA + 10 RFC 2833 packets one way, 236 the other (MANIFEST sanity block).
        var callerToCallee = call.Media.Single(m => m.From == CallParty.Caller);
        var callee2Caller = call.Media.Single(m => m.From == CallParty.Callee);
        Assert.Equal(246, callerToCallee.Observations.Sum(o => o.Packets));
        Assert.Equal(236, callee2Caller.Observations.Sum(o => o.Packets));
        Assert.True(callee2Caller.Observations[0].FirstNanoseconds > call.StartNanoseconds);
    }

    [Fact]
    public void An_inbound_call_to_the_registered_phone_names_the_server_as_caller()
    {
        var call = DoctorLab.Diagnose(null, DoctorLab.Capture("sip-register-inbound", "lan0.pcap"));

        Assert.Contains("203.0.113.20", call.Caller, StringComparison.Ordinal);
        Assert.Equal(CallVerdict.Ok, call.Verdict);
        Assert.DoesNotContain(call.Signalling, m => m.Message.Method == "REGISTER");
    }

    [Fact]
    public void No_alg_from_the_phone_side_alone_is_one_way_with_the_private_sdp_address_as_cause()
    {
        var call = DoctorLab.Diagnose(null, DoctorLab.Capture("sip-udp-no-alg", "lan0.pcap"));

        // RFC 4566 §5.7: c=IN IP4 192.168.1.10 is where the callee sends; RFC 1918 space is unreachable from it.
        Assert.Equal(CallVerdict.OneWay, call.Verdict);
        Assert.Equal(CallParty.Callee, call.Silent);
        var silent = call.Media.Single(m => !m.Heard);
        Assert.Equal(CallParty.Callee, silent.From);
        Assert.Equal(new MediaEndpoint("192.168.1.10", 6000), silent.Announced);
        Assert.Empty(silent.Observations);
        Assert.Equal(246, call.Media.Single(m => m.Heard).Observations.Sum(o => o.Packets));
        var cause = Assert.Single(call.Causes);
        Assert.Equal("private-address-in-sdp", cause.Code);
        Assert.Null(cause.Config);
    }

    [Fact]
    public void No_alg_with_its_configuration_names_the_line_that_turns_the_alg_off_and_the_line_that_fixes_it()
    {
        var call = DoctorLab.Diagnose(DoctorLab.Gateway("gateway-ios-no-sip-alg.cfg"), DoctorLab.Capture("sip-udp-no-alg", "lan0.pcap"));

        var config = Assert.Single(call.Causes).Config!;
        Assert.Equal(25, config.Line);
        Assert.Equal("no ip nat service sip udp port 5060", config.LineText);
        Assert.Equal(["ip nat service sip udp port 5060"], config.FixLines);
    }

    [Fact]
    public void No_alg_with_the_outside_capture_shows_the_sdp_left_the_gateway_untranslated()
    {
        var call = DoctorLab.Diagnose(
            DoctorLab.Gateway("gateway-ios-no-sip-alg.cfg"),
            DoctorLab.Capture("sip-udp-no-alg", "lan0.pcap"),
            DoctorLab.Capture("sip-udp-no-alg", "gw0.pcap"));

        Assert.Equal(CallVerdict.OneWay, call.Verdict);
        Assert.Equal([true, false], call.Captures.Select(c => c.Inside));
        var cause = Assert.Single(call.Causes);
        Assert.Equal("private-address-in-sdp", cause.Code);
        Assert.Contains("still untranslated beyond the gateway (gw0.pcap #3 INVITE)", cause.Message, StringComparison.Ordinal);
        Assert.Equal(25, cause.Config!.Line);
    }

    [Fact]
    public void No_alg_outside_alone_is_one_way_too()
    {
        var call = DoctorLab.Diagnose(null, DoctorLab.Capture("sip-udp-no-alg", "gw0.pcap"));

        Assert.Equal(CallVerdict.OneWay, call.Verdict);
        Assert.Equal("private-address-in-sdp", Assert.Single(call.Causes).Code);
    }

    [Fact]
    public void A_configuration_with_the_alg_on_is_not_blamed_for_an_untranslated_sdp()
    {
        var call = DoctorLab.Diagnose(DoctorLab.Gateway("gateway-ios.cfg"), DoctorLab.Capture("sip-udp-no-alg", "gw0.pcap"));

        var config = Assert.Single(call.Causes).Config!;
        Assert.Empty(config.FixLines);
        Assert.Contains("turns the SIP ALG on", config.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stun_aware_phone_alone_is_ok_and_a_gateway_with_the_alg_on_gets_a_warning_note()
    {
        var call = DoctorLab.Diagnose(DoctorLab.Gateway("gateway-ios.cfg"), DoctorLab.Capture("sip-stun-rewritten", "lan0.pcap"));

        // RFC 5389: the phone announces 203.0.113.1, its server-reflexive address, not its own 192.168.1.10.
        Assert.Equal(CallVerdict.Ok, call.Verdict);
        var note = Assert.Single(call.Notes);
        Assert.Contains("STUN-derived", note, StringComparison.Ordinal);
        Assert.Contains("no ip nat service sip udp port 5060", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gw0-broken-alg.pcap")]
    [InlineData("wan0-broken-alg.pcap")]
    public void An_alg_rewrite_of_a_stun_address_seen_outside_alone_is_one_way(string outside)
    {
        var call = DoctorLab.Diagnose(null, DoctorLab.Capture("sip-stun-rewritten", outside));

        // The INVITE's o=/c= say 203.0.113.99 while its Via/Contact say 203.0.113.1, the address the
        // signalling comes from: a far end following RFC 3264 §6 sends to .99, which the NAT never mapped.
        Assert.Equal(CallVerdict.OneWay, call.Verdict);
        Assert.Equal(CallParty.Callee, call.Silent);
        var cause = Assert.Single(call.Causes);
        Assert.Equal("alg-rewrote-public-address", cause.Code);
        Assert.Contains("203.0.113.99", cause.Message, StringComparison.Ordinal);

        // The derived file keeps the real call's RTP (to .1): reported as not following the SDP, not counted.
        var silent = call.Media.Single(m => !m.Heard);
        Assert.Equal(RtpObservationKind.Stray, Assert.Single(silent.Observations).Kind);
        Assert.Contains(call.Notes, n => n.Contains("RFC 4961", StringComparison.Ordinal));
    }

    [Fact]
    public void An_alg_rewrite_of_a_stun_address_is_proven_by_the_phone_side_and_the_outside_together()
    {
        var call = DoctorLab.Diagnose(
            DoctorLab.Gateway("gateway-ios.cfg"),
            DoctorLab.Capture("sip-stun-rewritten", "lan0.pcap"),
            DoctorLab.Capture("sip-stun-rewritten", "gw0-broken-alg.pcap"));

        Assert.Equal(CallVerdict.OneWay, call.Verdict);
        var cause = Assert.Single(call.Causes);
        Assert.Equal("alg-rewrote-public-address", cause.Code);
        Assert.Contains("203.0.113.1:6000 (lan0.pcap #3 INVITE)", cause.Message, StringComparison.Ordinal);
        Assert.Contains("203.0.113.99:6000 (gw0-broken-alg.pcap #3 INVITE)", cause.Message, StringComparison.Ordinal);

        // IOS's SIP ALG is on by default (inferred): no line to quote, and the line that turns it off.
        var config = cause.Config!;
        Assert.True(config.IsDefault);
        Assert.True(config.DefaultIsInferred);
        Assert.Null(config.LineText);
        Assert.Equal(["no ip nat service sip udp port 5060"], config.FixLines);
    }

    [Fact]
    public void An_alg_rewrite_is_not_blamed_on_a_configuration_that_has_the_alg_off()
    {
        var call = DoctorLab.Diagnose(
            DoctorLab.Gateway("gateway-ios-no-sip-alg.cfg"),
            DoctorLab.Capture("sip-stun-rewritten", "lan0.pcap"),
            DoctorLab.Capture("sip-stun-rewritten", "gw0-broken-alg.pcap"));

        var config = Assert.Single(call.Causes).Config!;
        Assert.Equal(25, config.Line);
        Assert.Empty(config.FixLines);
        Assert.StartsWith("not this configuration", config.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_stun_call_with_its_outside_capture_is_ok()
    {
        var call = DoctorLab.Diagnose(null, DoctorLab.Capture("sip-stun-rewritten", "lan0.pcap"), DoctorLab.Capture("sip-stun-rewritten", "gw0.pcap"));

        Assert.Equal(CallVerdict.Ok, call.Verdict);
        var toPhone = call.Media.Single(m => m.To == CallParty.Caller);
        Assert.Contains(toPhone.Observations, o => o.Kind == RtpObservationKind.ArrivedTranslated && o.Capture == "lan0.pcap");
    }
}
