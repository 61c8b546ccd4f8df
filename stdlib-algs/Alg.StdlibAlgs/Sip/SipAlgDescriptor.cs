using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.Sip;

/// <summary>Declaration of the <c>sip</c> ALG: SIP signalling with SDP media (RFC 3261, RFC 4566).</summary>
public static class SipAlgDescriptor
{
    private static readonly System.Collections.Immutable.ImmutableArray<string> Actions = ["off", "drop", "drop-connection", "reset", "log"];

    public static readonly AlgDescriptor Instance = new(
        "sip",
        "SIP signalling with SDP media (RFC 3261, RFC 4566)",
        [AlgPort.Udp(5060), AlgPort.Tcp(5060)],
        [
            AlgOptionDescriptor.OneOf("strict-header-validation", "off", Actions, "ASA: check mandatory headers (RFC 3261 §8.1.1); action on a violation"),
            AlgOptionDescriptor.OneOf("state-checking", "off", Actions, "ASA: check the dialog state machine; action on a violation"),
            AlgOptionDescriptor.OneOf("max-forwards-validation", "off", Actions, "ASA: action when Max-Forwards reaches 0"),
            AlgOptionDescriptor.Flag("traffic-non-sip", true, "ASA: let non-SIP traffic use the SIP port"),
            AlgOptionDescriptor.Duration("signaling-timeout", 0, 4_294_967, 1800, "Idle time after which a SIP signalling flow and its registrations are removed"),
            AlgOptionDescriptor.Duration("media-timeout", 0, 4_294_967, 120, "Idle time after which RTP/RTCP pinholes and flows are removed"),
            AlgOptionDescriptor.Duration("invite-timeout", 0, 4_294_967, 180, "ASA sip-invite: how long pinholes of an unanswered INVITE live"),
            AlgOptionDescriptor.Duration("disconnect-timeout", 0, 4_294_967, 120, "ASA sip-disconnect: how long a dialog lives after BYE/CANCEL") with { ActedOn = false },
            AlgOptionDescriptor.Duration("provisional-media-timeout", 0, 4_294_967, 120, "ASA sip-provisional-media: lifetime of early-media pinholes"),
            AlgOptionDescriptor.Number("c-timeout", 3, 10, 3, "Junos: minutes a transaction may wait for a final response") with { ActedOn = false },
            AlgOptionDescriptor.Number("maximum-call-duration", 3, 7200, 720, "Junos: minutes after which a call is torn down") with { ActedOn = false },
            AlgOptionDescriptor.Number("t1-interval", 500, 5000, 500, "Junos: RFC 3261 T1 round-trip estimate in milliseconds") with { ActedOn = false },
            AlgOptionDescriptor.Number("t4-interval", 5, 10, 5, "Junos: RFC 3261 T4 in seconds") with { ActedOn = false },
            AlgOptionDescriptor.OneOf("unknown-message", "drop", ["drop", "nat", "route"], "ScreenOS app-screen: what to do with SIP messages the ALG cannot parse") with { ActedOn = false },
        ],
        [new AlgAlias(Dialect.Ios, "sip"), new AlgAlias(Dialect.Asa, "sip"), new AlgAlias(Dialect.ScreenOs, "sip"), new AlgAlias(Dialect.Junos, "sip")],
        Implemented: true);
}
