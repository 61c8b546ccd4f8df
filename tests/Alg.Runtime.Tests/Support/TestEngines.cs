using System.Collections.Concurrent;
using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using Alg.Policy.Model;
using Alg.Runtime.Nat;
using Alg.Runtime.Pipeline;

namespace Alg.Runtime.Tests.Support;

/// <summary>NAT engines for tests, answered by both policy engines at once (<see cref="AgreeingClassifier"/>).</summary>
/// <remarks>Compiled classes are cached by IR fingerprint: tests that share a policy share one Roslyn compile.</remarks>
public static class TestEngines
{
    private static readonly ConcurrentDictionary<string, CompiledPipeline> Compiled = new(StringComparer.Ordinal);

    public static NatEngine Nat(PolicyModel policy, NatEngineOptions? options = null) =>
        new(policy, new FixedClassifierSource(Classifier(policy)), options);

    public static IPolicyClassifier Classifier(PolicyModel policy)
    {
        var program = PolicyLowerer.Lower(policy);
        var compiled = Compiled.GetOrAdd(program.Fingerprint, _ => PipelineCompiler.Compile(program, "test policy"));
        return new AgreeingClassifier(new PipelineInterpreter(program), compiled);
    }
}
