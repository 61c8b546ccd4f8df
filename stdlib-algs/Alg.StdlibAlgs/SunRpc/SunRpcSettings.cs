using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;

namespace Alg.StdlibAlgs.SunRpc;

/// <summary>The SunRPC ALG's options, read once per configuration: ASA <c>timeout sunrpc</c>, Junos
/// <c>map-entry-timeout</c>, and the program numbers policies permit (Junos <c>rpc-program-number</c>, ScreenOS
/// <c>sun-rpc program</c>).</summary>
internal sealed class SunRpcSettings
{
    /// <summary>How long a call waits for its reply (SunScreen's portmap response timeout, 60 s); a later reply is
    /// unsolicited and opens nothing.</summary>
    public const long ResponseTimeout = 60 * NatTimeouts.Second;

    /// <summary>The longest portmapper message read whole (a DUMP of ~300 programs); longer ones pass by their
    /// record marks, unread. Well under the stage's per-direction stream buffer.</summary>
    public const int MaxMessageLength = 8192;

    /// <summary>Fragments followed in one record (RFC 5531 §11 sets no limit; real senders use one).</summary>
    public const int MaxFragments = 16;

    // Null: no policy names programs for clients on that side, so every program may open.
    private readonly SunRpcProgramRange[]? _programsFromInside;
    private readonly SunRpcProgramRange[]? _programsFromOutside;

    public SunRpcSettings(in AlgSettingsSource source)
    {
        // Junos keeps a learned program-to-port mapping for map-entry-timeout minutes (480 unless configured: its dialect
        // default); the ASA keeps its SunRPC pinhole for `timeout sunrpc`. 0 (every other dialect) leaves the latter.
        if (source.Option("map-entry-timeout") is { Number: > 0 } minutes)
        {
            PinholeLifetime = minutes.Number * 60 * NatTimeouts.Second;
            MapEntries = true;
        }
        else
        {
            var seconds = source.Option("pinhole-timeout")?.Number ?? 600;

            // 0 is "never" in ASA timeout syntax; a pinhole must still expire, so the default stands in.
            PinholeLifetime = (seconds <= 0 ? 600 : seconds) * NatTimeouts.Second;
        }

        _programsFromInside = Ranges(source.Option(SunRpcAlgDescriptor.ProgramsFromInside));
        _programsFromOutside = Ranges(source.Option(SunRpcAlgDescriptor.ProgramsFromOutside));
    }

    /// <summary>Junos <c>map-entry-timeout</c>: an answer keeps a map entry every client the policy lets reach the mapper
    /// may use (<see cref="PortMapper.PortMapperPinhole"/>), not a pinhole for the asking client alone.</summary>
    public bool MapEntries { get; }

    /// <summary>How long the pinhole a reply opens lets the client reach the program's port (the program-to-port
    /// mapping's life).</summary>
    public long PinholeLifetime { get; }

    /// <summary>Whether a client on <paramref name="clientSide"/> may be given a port for <paramref name="program"/>:
    /// always, unless the configuration's policies name the programs such clients may reach.</summary>
    public bool Permits(FlowSide clientSide, uint program)
    {
        var ranges = clientSide == FlowSide.Inside ? _programsFromInside : _programsFromOutside;
        if (ranges is null)
        {
            return true;
        }

        foreach (var range in ranges)
        {
            if (range.Contains(program))
            {
                return true;
            }
        }

        return false;
    }

    private static SunRpcProgramRange[]? Ranges(Alg.Policy.Algs.AlgOptionValue? option)
    {
        var items = option?.Items ?? [];
        if (items.Count == 0)
        {
            return null;
        }

        var ranges = new List<SunRpcProgramRange>(items.Count);
        foreach (var item in items)
        {
            // The binder writes only well-formed ranges; anything else was refused by lint (ALG3031) before loading.
            if (SunRpcProgramRange.TryParse(item, out var range))
            {
                ranges.Add(range);
            }
        }

        return [.. ranges];
    }
}
