using Alg.Runtime.Algs;
using Alg.Runtime.Nat;

namespace Alg.StdlibAlgs.MsRpc;

/// <summary>The MS-RPC ALG's options, read once per configuration: the ASA dcerpc inspect map (<c>timeout pinhole</c>,
/// <c>endpoint-mapper epm-service-only</c>, <c>lookup-operation</c>) and Junos <c>map-entry-timeout</c>.</summary>
internal sealed class MsRpcSettings
{
    /// <summary>How long a request waits for its response; a later one opens nothing.</summary>
    public const long ResponseTimeout = 60 * NatTimeouts.Second;

    /// <summary>The longest reply (all its fragments' stubs) read whole; longer ones pass unread and are counted.</summary>
    public const int MaxCallLength = 8192;

    /// <summary>Fragments of one reply followed.</summary>
    public const int MaxFragments = 16;

    public MsRpcSettings(in AlgSettingsSource source)
    {
        if (source.Option("map-entry-timeout") is { Number: > 0 } minutes)
        {
            PinholeLifetime = minutes.Number * 60 * NatTimeouts.Second;
        }
        else
        {
            var seconds = source.Option("pinhole-timeout")?.Number ?? 120;

            // 0 is "never" in ASA timeout syntax; a pinhole must still expire, so the default stands in.
            PinholeLifetime = (seconds <= 0 ? 120 : seconds) * NatTimeouts.Second;
        }

        EndpointMapperOnly = source.Option("epm-service-only")?.AsBoolean == true;
        ReadsLookups = source.Option("lookup-operation")?.AsBoolean == true;
    }

    /// <summary>How long a returned endpoint's pinhole lets the client reach it.</summary>
    public long PinholeLifetime { get; }

    /// <summary>ASA <c>epm-service-only</c>: a bind on the mapper's port offering no endpoint-mapper context drops the
    /// connection.</summary>
    public bool EndpointMapperOnly { get; }

    /// <summary>ASA <c>lookup-operation</c>: ept_lookup answers open pinholes too.</summary>
    public bool ReadsLookups { get; }
}
