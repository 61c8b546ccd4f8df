using Alg.Runtime.Algs;
using Alg.Runtime.Nat;

namespace Alg.StdlibAlgs.H323;

/// <summary>The H.323 ALGs' settings for one configuration, built by each of the three handlers from its own
/// descriptor's options (absent ones keep their declared defaults).</summary>
internal sealed class H323Settings
{
    /// <summary>Linux's expectation lifetime for an H.245 channel and media (nf_conntrack_h323 240 s) is below ASA's
    /// <c>timeout h323</c> default (5 min), which is what <c>media-timeout</c> declares.</summary>
    public const long DefaultMediaLifetime = 300 * NatTimeouts.Second;

    /// <summary>A registration's lifetime when neither RRQ nor RCF grants one and no option sets it (Junos default).</summary>
    public const long DefaultRegistrationLifetime = 3600 * NatTimeouts.Second;

    /// <summary>How long an H.460 endpoint seen in call signalling (not registered through us) is left alone.</summary>
    public const long TraversalMemory = 3600 * NatTimeouts.Second;

    public H323Settings(in AlgSettingsSource source)
    {
        MediaLifetime = Seconds(source.Option("media-timeout"), DefaultMediaLifetime);
        RegistrationLifetime = Seconds(source.Option("endpoint-registration-timeout"), DefaultRegistrationLifetime);
        TunnelBlock = source.Option("h245-tunnel-block")?.AsBoolean ?? false;
        RegistrationFromAnyEndpoint = source.Option("ras-rcf-pinholes")?.AsBoolean ?? false;
        StandAside = source.Option(H323Q931AlgDescriptor.H460StandAside)?.AsBoolean ?? false;
    }

    /// <summary>How long the H.245 connection's pinhole, a channel's RTP/RTCP pinholes and their reserved public ports wait.</summary>
    public long MediaLifetime { get; }

    /// <summary>A registration's call pinhole lifetime when the gatekeeper grants no time-to-live.</summary>
    public long RegistrationLifetime { get; }

    /// <summary>ASA <c>h245-tunnel-block action drop-connection</c>: a connection tunnelling H.245 is dropped.</summary>
    public bool TunnelBlock { get; }

    /// <summary>ASA <c>ras-rcf-pinholes</c>: the registration pinhole admits any caller, not only the gatekeeper
    /// (Linux <c>gkrouted_only=0</c>).</summary>
    public bool RegistrationFromAnyEndpoint { get; }

    /// <summary>The deployment uses H.460.18/19 traversal: pass everything untouched (algs.md §4.6).</summary>
    public bool StandAside { get; }

    private static long Seconds(Policy.Algs.AlgOptionValue? value, long fallback) =>
        value is null || value.Number <= 0 ? fallback : value.Number * NatTimeouts.Second;
}
