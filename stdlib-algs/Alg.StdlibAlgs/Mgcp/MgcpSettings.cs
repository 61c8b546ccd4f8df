using Alg.Runtime.Algs;
using Alg.Runtime.Nat;

namespace Alg.StdlibAlgs.Mgcp;

/// <summary>The MGCP ALG's options, read once per configuration: ASA <c>timeout mgcp</c> / Junos
/// <c>inactive-media-timeout</c>, ASA <c>timeout mgcp-pat</c>, Junos <c>transaction-timeout</c>.</summary>
internal sealed class MgcpSettings
{
    public MgcpSettings(in AlgSettingsSource source)
    {
        MediaTimeout = Seconds(source.Option("media-timeout"), 300);
        SignallingTimeout = Seconds(source.Option("pat-timeout"), 300);
        TransactionTimeout = Seconds(source.Option("transaction-timeout"), 30);
    }

    /// <summary>How long a connection's media pinholes wait for the media (and its reserved ports stay).</summary>
    public long MediaTimeout { get; }

    /// <summary>How long the call agent's way in to the gateway lasts after the gateway last spoke.</summary>
    public long SignallingTimeout { get; }

    /// <summary>How long a command waits for its response; a later response is unsolicited.</summary>
    public long TransactionTimeout { get; }

    private static long Seconds(Alg.Policy.Algs.AlgOptionValue? value, long fallback)
    {
        // 0 is "never" in ASA timeout syntax; a pinhole must still expire, so the default stands in.
        var seconds = value?.Number ?? fallback;
        return (seconds <= 0 ? fallback : seconds) * NatTimeouts.Second;
    }
}
