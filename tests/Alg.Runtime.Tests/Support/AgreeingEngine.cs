using Alg.Compiler.Emit;
using Alg.Runtime.Nat;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Runtime.Tests.Support;

/// <summary>
/// Both engines at once. Packets take turns: one walks the interpreter's plan asking every policy question of both
/// the interpreter and the compiled class (a disagreement fails the test with the generated C# numbered); the next
/// runs the compiled class's unrolled walk — as a tiered swap may hand a flow from one engine to the other between
/// two packets. So every runtime test that translates packets runs on both engines, and passes only if their
/// answers, their walks and the bytes and state that follow are the same.
/// </summary>
public sealed class AgreeingEngine(PipelineInterpreter interpreter, CompiledPipeline compiled) : IPipelineEngine
{
    private long _walks;

    public PipelineProgram Program => interpreter.Program;

    public NatVerdict Run(NatEngine nat, ref PacketWalk walk) =>
        (_walks++ & 1) == 0 ? interpreter.Walk(nat, ref walk, this) : compiled.Engine.Run(nat, ref walk);

    public bool PermitInbound(int interfaceId, in PacketTuple tuple)
    {
        var (expected, actual) = (interpreter.PermitInbound(interfaceId, tuple), compiled.Engine.PermitInbound(interfaceId, tuple));
        return expected == actual ? expected : Fail(expected, actual, $"PermitInbound({interfaceId}, {tuple})");
    }

    public bool PermitOutbound(int interfaceId, in PacketTuple tuple)
    {
        var (expected, actual) = (interpreter.PermitOutbound(interfaceId, tuple), compiled.Engine.PermitOutbound(interfaceId, tuple));
        return expected == actual ? expected : Fail(expected, actual, $"PermitOutbound({interfaceId}, {tuple})");
    }

    public int Classify(int aclId, in PacketTuple tuple)
    {
        var (expected, actual) = (interpreter.Classify(aclId, tuple), compiled.Engine.Classify(aclId, tuple));
        return expected == actual ? expected : Fail(expected, actual, $"Classify({aclId}, {tuple})");
    }

    public int SelectNatRule(in PacketTuple tuple)
    {
        var (expected, actual) = (interpreter.SelectNatRule(tuple), compiled.Engine.SelectNatRule(tuple));
        return expected == actual ? expected : Fail(expected, actual, $"SelectNatRule({tuple})");
    }

    public int DispatchAlg(byte protocol, ushort port)
    {
        var (expected, actual) = (interpreter.DispatchAlg(protocol, port), compiled.Engine.DispatchAlg(protocol, port));
        return expected == actual ? expected : Fail(expected, actual, $"DispatchAlg({protocol}, {port})");
    }

    /// <summary>Both engines hand the payload to the same handler; the compiled one calls its class directly, so it runs.</summary>
    public void InspectAlg(int planId, Alg.Runtime.Algs.IAlgHandler handler, in Alg.Runtime.Algs.AlgFlowContext context, ReadOnlySpan<byte> data, ref Alg.Runtime.Algs.AlgOutput output) =>
        compiled.Engine.InspectAlg(planId, handler, in context, data, ref output);

    // The message is built only on a disagreement, so agreeing calls allocate nothing.
    private T Fail<T>(T interpreted, T generated, string question) =>
        throw new Xunit.Sdk.XunitException(
            $"engines disagree on {question}: interpreter {interpreted}, compiled {generated}\n{PipelineCompilationException.Numbered(compiled.Source)}");
}
