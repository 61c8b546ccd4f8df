using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using Alg.Runtime.Pipeline;
using Xunit.Abstractions;

namespace Alg.Engine.Tests;

/// <summary>
/// The interpreter and the compiled pipeline answer every policy question alike, for random policies and
/// random packets. A failure prints the generated C# with line numbers.
/// </summary>
public sealed class DifferentialEngineTests(ITestOutputHelper output)
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 3, 5 },
        { 2, 3, 16 },
        { 3, 4, 17 },
        { 4, 2, 70 },
        { 5, 3, 130 },
        { 6, 1, 300 },
        { 7, 5, 1 },
        { 8, 4, 40 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Interpreter_and_compiled_agree_on_random_policies(int seed, int acls, int rules)
    {
        var generator = new RandomPolicies(seed);
        var program = PolicyLowerer.Lower(generator.Policy(acls, rules));
        var interpreter = new PipelineInterpreter(program);
        var compiled = PipelineCompiler.Compile(program, $"random seed {seed}");
        var hits = 0;
        try
        {
            for (var i = 0; i < 3000; i++)
            {
                var tuple = generator.Packet();
                foreach (var acl in program.Acls)
                {
                    var expected = interpreter.Classify(acl.Id, tuple);
                    Assert.Equal(expected, compiled.Engine.Classify(acl.Id, tuple));
                    hits += expected >= 0 ? 1 : 0;
                }

                foreach (var iface in program.Interfaces)
                {
                    Assert.Equal(interpreter.PermitInbound(iface.Id, tuple), compiled.Engine.PermitInbound(iface.Id, tuple));
                    Assert.Equal(interpreter.PermitOutbound(iface.Id, tuple), compiled.Engine.PermitOutbound(iface.Id, tuple));
                }

                Assert.Equal(interpreter.SelectNatRule(tuple), compiled.Engine.SelectNatRule(tuple));
                Assert.Equal(interpreter.DispatchAlg(tuple.Protocol, tuple.DestinationPort), compiled.Engine.DispatchAlg(tuple.Protocol, tuple.DestinationPort));
            }

            Assert.True(hits > 100, $"only {hits} packets matched a rule: the generator is not exercising the tables");
        }
        catch
        {
            output.WriteLine(PipelineCompilationException.Numbered(compiled.Source));
            throw;
        }
    }
}
