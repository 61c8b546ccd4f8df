using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Nat;

namespace Alg.StdlibAlgs.Sip;

/// <summary>The SIP ALG's options read once per configuration (not per packet): timers in nanoseconds and the ASA
/// inspect-map actions.</summary>
internal sealed class SipSettings
{
    public SipSettings(in AlgSettingsSource source)
    {
        StrictHeaderValidation = ActionOf(source.Option("strict-header-validation"));
        StateChecking = ActionOf(source.Option("state-checking"));
        MaxForwardsValidation = ActionOf(source.Option("max-forwards-validation"));
        AllowNonSip = source.Option("traffic-non-sip")?.AsBoolean ?? true;
        SignalingTimeout = Seconds(source.Option("signaling-timeout"), 1800);
        MediaTimeout = Seconds(source.Option("media-timeout"), 120);
        InviteTimeout = Seconds(source.Option("invite-timeout"), 180);
        ProvisionalMediaTimeout = Seconds(source.Option("provisional-media-timeout"), 120);
    }

    public SipViolationAction StrictHeaderValidation { get; }

    public SipViolationAction StateChecking { get; }

    public SipViolationAction MaxForwardsValidation { get; }

    /// <summary>ASA <c>traffic-non-sip</c>: false drops non-SIP payloads on a SIP port.</summary>
    public bool AllowNonSip { get; }

    public long SignalingTimeout { get; }

    public long MediaTimeout { get; }

    public long InviteTimeout { get; }

    public long ProvisionalMediaTimeout { get; }

    private static SipViolationAction ActionOf(AlgOptionValue? value) => value?.Text switch
    {
        "log" => SipViolationAction.Log,
        "drop" => SipViolationAction.Drop,
        "drop-connection" or "reset" => SipViolationAction.DropConnection,
        _ => SipViolationAction.Off,
    };

    private static long Seconds(AlgOptionValue? value, long fallback)
    {
        // A 0 timer means "never" in the vendors' syntax (ASA timeout 0:0:0); a pinhole then lasts as long as its call.
        var seconds = value?.Number ?? fallback;
        return seconds <= 0 ? NatTimeouts.Never : seconds * NatTimeouts.Second;
    }
}
