using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;

namespace Alg.StdlibAlgs.MsRpc;

/// <summary>The MS-RPC ALG's options, read once per configuration: the ASA dcerpc inspect map (<c>timeout pinhole</c>,
/// <c>endpoint-mapper epm-service-only</c>, <c>lookup-operation</c>), Junos <c>map-entry-timeout</c>, and the interface
/// UUIDs policies permit (Junos applications' <c>uuid</c>, ScreenOS <c>ms-rpc uuid</c> services).</summary>
internal sealed class MsRpcSettings
{
    /// <summary>How long a request waits for its response; a later one opens nothing.</summary>
    public const long ResponseTimeout = 60 * NatTimeouts.Second;

    /// <summary>The longest reply (all its fragments' stubs) read whole; longer ones pass unread and are counted.</summary>
    public const int MaxCallLength = 8192;

    /// <summary>Fragments of one reply followed.</summary>
    public const int MaxFragments = 16;

    // Null: no policy names interfaces for clients on that side, so every interface may open.
    private readonly Guid[]? _uuidsFromInside;
    private readonly Guid[]? _uuidsFromOutside;

    public MsRpcSettings(in AlgSettingsSource source)
    {
        if (source.Option("map-entry-timeout") is { Number: > 0 } minutes)
        {
            PinholeLifetime = minutes.Number * 60 * NatTimeouts.Second;
            MapEntries = true;
        }
        else
        {
            var seconds = source.Option("pinhole-timeout")?.Number ?? 120;

            // 0 is "never" in ASA timeout syntax; a pinhole must still expire, so the default stands in.
            PinholeLifetime = (seconds <= 0 ? 120 : seconds) * NatTimeouts.Second;
        }

        EndpointMapperOnly = source.Option("epm-service-only")?.AsBoolean == true;
        ReadsLookups = source.Option("lookup-operation")?.AsBoolean == true;
        _uuidsFromInside = Uuids(source.Option(MsRpcAlgDescriptor.UuidsFromInside));
        _uuidsFromOutside = Uuids(source.Option(MsRpcAlgDescriptor.UuidsFromOutside));
    }

    /// <summary>Junos <c>map-entry-timeout</c>: an answer keeps a map entry every client the policy lets reach the mapper
    /// may use (<see cref="PortMapper.PortMapperPinhole"/>), not a pinhole for the asking client alone.</summary>
    public bool MapEntries { get; }

    /// <summary>How long a returned endpoint's pinhole lets the client reach it.</summary>
    public long PinholeLifetime { get; }

    /// <summary>ASA <c>epm-service-only</c>: a bind on the mapper's port offering no endpoint-mapper context drops the
    /// connection.</summary>
    public bool EndpointMapperOnly { get; }

    /// <summary>ASA <c>lookup-operation</c>: ept_lookup answers open pinholes too.</summary>
    public bool ReadsLookups { get; }

    /// <summary>Whether a client on <paramref name="clientSide"/> may be given an endpoint of <paramref name="uuid"/>:
    /// always, unless the configuration's policies name the interfaces such clients may reach.</summary>
    public bool Permits(FlowSide clientSide, Guid uuid)
    {
        var uuids = clientSide == FlowSide.Inside ? _uuidsFromInside : _uuidsFromOutside;
        return uuids is null || Array.IndexOf(uuids, uuid) >= 0;
    }

    /// <summary>Whether the policies name UUIDs for clients on <paramref name="clientSide"/> at all.</summary>
    public bool Filters(FlowSide clientSide) => (clientSide == FlowSide.Inside ? _uuidsFromInside : _uuidsFromOutside) is not null;

    private static Guid[]? Uuids(Alg.Policy.Algs.AlgOptionValue? option)
    {
        var items = option?.Items ?? [];
        if (items.Count == 0)
        {
            return null;
        }

        var uuids = new List<Guid>(items.Count);
        foreach (var item in items)
        {
            // The binder writes only well-formed UUIDs; anything else was refused by lint (ALG3031) before loading.
            if (Guid.TryParseExact(item, "D", out var uuid))
            {
                uuids.Add(uuid);
            }
        }

        return [.. uuids];
    }
}
