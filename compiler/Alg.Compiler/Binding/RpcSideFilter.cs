using Alg.Policy.Text;
using Alg.StdlibAlgs.SunRpc;

namespace Alg.Compiler.Binding;

/// <summary>What the permitting policies of one client side add up to, per RPC ALG (<see cref="RpcFilterBuilder"/>).</summary>
internal sealed class RpcSideFilter
{
    public bool EveryUuid { get; set; }

    public bool EveryProgram { get; set; }

    public SortedSet<Guid> Uuids { get; } = [];

    public List<SunRpcProgramRange> Programs { get; } = [];

    /// <summary>The first policy line that named a UUID (the option's source).</summary>
    public SourceSpan UuidSource { get; set; }

    /// <summary>The first policy line that named a program.</summary>
    public SourceSpan ProgramSource { get; set; }
}
