using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using Alg.Policy.Model;
using Alg.Runtime.Algs;
using Alg.Runtime.Nat;
using Alg.StdlibAlgs;
using Alg.Runtime.Pipeline;

namespace Alg.Compiler;

/// <summary>
/// A policy put to work: the NAT engine with its state, and the pipeline host whose engine answers the
/// policy's questions. Reloading replaces the policy between two packets; the state stays.
/// </summary>
public sealed class Gateway : IDisposable
{
    private Gateway(PolicyModel policy, NatEngine nat, PipelineHost host)
    {
        Policy = policy;
        Nat = nat;
        Host = host;
    }

    public PolicyModel Policy { get; private set; }

    public NatEngine Nat { get; }

    public PipelineHost Host { get; }

    public long Reloads { get; private set; }

    public static Gateway Create(PolicyModel policy, EngineMode mode, NatEngineOptions? options = null)
    {
        var host = new PipelineHost(PolicyLowerer.Lower(policy), mode, PipelineCompiler.CompileClassifier);
        var nat = new NatEngine(policy, host, options);
        var algs = new AlgStage(StandardAlgs.CreateHandlers(), policy);
        algs.Reconfigure(policy, host);
        nat.UseAlgs(algs);
        return new Gateway(policy, nat, host);
    }

    /// <summary>
    /// Installs an already checked policy: the interpreter (or the compiled class, in compiled mode) answers
    /// from the next packet on. Call it between packets, on the packet thread.
    /// </summary>
    public void Reload(PolicyModel policy)
    {
        var program = PolicyLowerer.Lower(policy);
        Host.Replace(program);
        Nat.Reconfigure(policy);
        Nat.Algs?.Reconfigure(policy, Host);
        Policy = policy;
        Reloads++;
    }

    public void Dispose() => Host.Dispose();
}
