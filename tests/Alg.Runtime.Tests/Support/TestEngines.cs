using System.Collections.Concurrent;
using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using Alg.Policy.Model;
using Alg.Runtime.Nat;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Runtime.Tests.Support;

/// <summary>NAT engines for tests, walked by both policy engines at once (<see cref="AgreeingEngine"/>).</summary>
/// <remarks>Compiled classes are cached by IR fingerprint: tests that share a policy share one Roslyn compile.</remarks>
public static class TestEngines
{
    private static readonly ConcurrentDictionary<string, CompiledPipeline> Compiled = new(StringComparer.Ordinal);

    public static NatEngine Nat(PolicyModel policy, NatEngineOptions? options = null) =>
        new(new ReloadableEngineSource(Engine(policy)), options);

    public static IPipelineEngine Engine(PolicyModel policy)
    {
        var program = PolicyLowerer.Lower(policy);
        var compiled = Compiled.GetOrAdd(program.Fingerprint, _ => PipelineCompiler.Compile(program, "test policy"));
        return new AgreeingEngine(new PipelineInterpreter(program), compiled);
    }

    /// <summary>The lowered program of a policy (what an ALG stage is built from).</summary>
    public static PipelineProgram Program(PolicyModel policy) => PolicyLowerer.Lower(policy);

    /// <summary>A reload as a gateway does it between two packets: the ALG stage takes the new plans, the engine the new program.</summary>
    public static void Reload(NatEngine engine, PolicyModel policy)
    {
        var classifier = Engine(policy);
        engine.Algs?.Reconfigure(classifier.Program);
        ((ReloadableEngineSource)engine.Engines).Current = classifier;
    }

    private sealed class ReloadableEngineSource(IPipelineEngine initial) : IEngineSource
    {
        public IPipelineEngine Current { get; set; } = initial;
    }
}
