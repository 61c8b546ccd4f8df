using Alg.Runtime.Algs;

namespace Alg.StdlibAlgs.Pptp;

/// <summary>The PPTP ALG's settings for one configuration.</summary>
internal sealed class PptpSettings
{
    /// <summary>Calls one control connection may hold at once; Linux allows one (algs.md §10.2), pptpd one per
    /// connection, so this only bounds what a misbehaving PNS can make the gateway keep.</summary>
    public const int MaxCallsPerConnection = 16;

    public PptpSettings(in AlgSettingsSource source)
    {
        var seconds = source.Option("gre-timeout")?.Number ?? 120;

        // 0 is the vendors' "never": the longest idle time a flow can hold.
        GreIdleSeconds = seconds == 0 ? uint.MaxValue : (uint)Math.Min(seconds, uint.MaxValue);
    }

    /// <summary>The idle timeout of a call's GRE tunnel (ASA <c>timeout pptp-gre</c>, 2 min; IOS <c>pptp-timeout</c>).</summary>
    public uint GreIdleSeconds { get; }
}
