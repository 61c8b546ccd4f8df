using Alg.Runtime.Algs;
using Alg.Runtime.Nat;

namespace Alg.StdlibAlgs.IpsecNat;

/// <summary>The IPsec-NAT ALG's settings for one configuration.</summary>
internal sealed class IpsecNatSettings
{
    public IpsecNatSettings(in AlgSettingsSource source)
    {
        SpiMatching = source.Option("spi-match")?.AsBoolean ?? false;
        var seconds = source.Option("timeout")?.Number ?? 30;

        // The gate is the short window after a peer's IKE (algs.md §13.2): ScreenOS's one IPsec-NAT timeout, 30 s
        // unless set; 0, "never" for the association, would leave it open for good, so the default stands in.
        GateLifetime = (seconds == 0 ? 30 : Math.Min(seconds, 3600)) * NatTimeouts.Second;
    }

    /// <summary>ESP of an unknown SPI comes in only through a gate (IOS <c>ESP spi-match</c>; ScreenOS, ASA).</summary>
    public bool SpiMatching { get; }

    /// <summary>How long a gate waits for the peer's first ESP after its IKE exchange.</summary>
    public long GateLifetime { get; }
}
