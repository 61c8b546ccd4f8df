using Alg.Compiler.Lowering;
using Alg.Policy.Model;
using Alg.Runtime.Nat;
using Alg.Runtime.Pipeline;

namespace Alg.Runtime.Tests.Support;

/// <summary>NAT engines for tests: the policy lowered to the IR and answered by the interpreter.</summary>
/// <remarks>The engine tests (tests/Alg.Engine.Tests) run the same packets on the compiled engine too.</remarks>
public static class TestEngines
{
    public static NatEngine Nat(PolicyModel policy, NatEngineOptions? options = null) =>
        new(policy, new FixedClassifierSource(new PipelineInterpreter(PolicyLowerer.Lower(policy))), options);
}
