using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using Alg.Policy.Model;
using Alg.Runtime.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Pipeline.Ir;
using Alg.StdlibAlgs;

namespace Alg.Compiler;

/// <summary>
/// A configuration put to work: the NAT engine with its state, and the pipeline host whose engine walks each packet
/// through the lowered program. The policy stops at lowering: the engine, the ALG stage and the host read only the
/// program. Reloading replaces the program between two packets; the state stays.
/// </summary>
public sealed class Gateway : IDisposable
{
    private Gateway(PolicyModel policy, NatEngine nat, PipelineHost host)
    {
        Policy = policy;
        Nat = nat;
        Host = host;
    }

    /// <summary>The policy the running program was lowered from, for what explains a configuration (status, doctor).</summary>
    public PolicyModel Policy { get; private set; }

    public NatEngine Nat { get; }

    public PipelineHost Host { get; }

    /// <summary>The running program.</summary>
    public PipelineProgram Program => Host.Current.Program;

    public long Reloads { get; private set; }

    public static Gateway Create(PolicyModel policy, EngineMode mode, NatEngineOptions? options = null)
    {
        var program = PolicyLowerer.Lower(policy);
        var host = new PipelineHost(program, mode, PipelineCompiler.CompileEngine);
        var nat = new NatEngine(host, options);
        nat.UseAlgs(new AlgStage(StandardAlgs.CreateHandlers(), program));
        return new Gateway(policy, nat, host);
    }

    /// <summary>
    /// Lowers a checked policy and, in compiled mode, compiles it: the slow part of a reload, on any thread, touching
    /// nothing the packet worker uses.
    /// </summary>
    public PreparedConfiguration Prepare(PolicyModel policy)
    {
        var program = PolicyLowerer.Lower(policy);
        return new PreparedConfiguration(policy, program, Host.Mode == EngineMode.Compiled ? PipelineCompiler.CompileEngine(program) : null);
    }

    /// <summary>
    /// Installs a prepared configuration: the interpreter (or the compiled class, in compiled mode) walks packets from
    /// the next one on; in tiered mode the compiled class follows when Roslyn is done. Call it between packets, on the
    /// packet thread.
    /// </summary>
    public void Reload(PreparedConfiguration prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        Nat.Algs?.Reconfigure(prepared.Program);
        Host.Replace(prepared.Program, prepared.Compiled);
        Policy = prepared.Policy;
        Reloads++;
    }

    /// <summary>Prepares and installs a policy in one go (replays and tests, where no packet waits).</summary>
    public void Reload(PolicyModel policy) => Reload(Prepare(policy));

    public void Dispose() => Host.Dispose();
}
