using System.Collections.Immutable;

namespace Alg.Compiler.Binding;

/// <summary>
/// What one Junos application or ScreenOS service permits of the RPC ALGs' dynamic connections: the MS-RPC interface
/// UUIDs and the SunRPC program numbers it names, or every one of them. A port-mapper application (TCP/UDP 135 or 111,
/// no UUID, no program) names neither and permits only the mapper connection itself, which Alg does not filter.
/// </summary>
/// <param name="Uuids">Interface UUIDs as written (checked and made canonical by <see cref="RpcFilterBuilder"/>).</param>
/// <param name="Programs">Program numbers or <c>LOW-HIGH</c> ranges as written.</param>
/// <param name="EveryUuid">Every MS-RPC interface (ScreenOS <c>MS-RPC-ANY</c>).</param>
/// <param name="EveryProgram">Every SunRPC program (ScreenOS <c>SUN-RPC-ANY</c>).</param>
public sealed record RpcService(ImmutableArray<string> Uuids, ImmutableArray<string> Programs, bool EveryUuid = false, bool EveryProgram = false)
{
    /// <summary>Nothing of RPC: a port mapper's own application, or an application of another protocol.</summary>
    public static readonly RpcService None = new([], []);

    public static readonly RpcService AnyInterface = new([], [], EveryUuid: true);

    public static readonly RpcService AnyProgram = new([], [], EveryProgram: true);

    public static RpcService ForUuids(params string[] uuids) => new([.. uuids], []);

    public static RpcService ForPrograms(params string[] programs) => new([], [.. programs]);

    public bool IsNone => Uuids.IsEmpty && Programs.IsEmpty && !EveryUuid && !EveryProgram;

    /// <summary>An application group: what any of its members permits.</summary>
    public RpcService Union(RpcService other) => new(
        Uuids.AddRange(other.Uuids), Programs.AddRange(other.Programs), EveryUuid || other.EveryUuid, EveryProgram || other.EveryProgram);
}
