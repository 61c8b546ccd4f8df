using Alg.Runtime.Algs;
using Alg.Runtime.Nat;

namespace Alg.StdlibAlgs.Rtsp;

/// <summary>The RTSP ALG's settings for one configuration.</summary>
internal sealed class RtspSettings
{
    /// <summary>How long a SETUP's media pinholes and reserved public ports wait for the first media packet: Linux's
    /// <c>setup_timeout</c> (300 s); a player may sit between SETUP and PLAY.</summary>
    public const long DefaultPinholeLifetime = 300 * NatTimeouts.Second;

    public RtspSettings(in AlgSettingsSource source)
    {
        // The media then lives as a UDP flow with the policy's own timeout; the pinhole only has to outlast the wait.
        PinholeLifetime = source.Timeouts.Udp == NatTimeouts.Never ? DefaultPinholeLifetime : Math.Max(DefaultPinholeLifetime, source.Timeouts.Udp);
    }

    public long PinholeLifetime { get; }
}
