using Alg.Compiler.Emit;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Runtime.Tests.Support;

/// <summary>
/// Both engines at once: every policy question goes to the interpreter and to the compiled class, and a
/// disagreement fails the test with the generated C# numbered. So every runtime test that translates a
/// packet runs on both engines, and their answers — hence the bytes and state that follow — are the same.
/// </summary>
public sealed class AgreeingClassifier(PipelineInterpreter interpreter, CompiledPipeline compiled) : IPolicyClassifier
{
    public PipelineProgram Program => interpreter.Program;

    public bool PermitInbound(int interfaceId, in PacketTuple tuple)
    {
        var (expected, actual) = (interpreter.PermitInbound(interfaceId, tuple), compiled.Classifier.PermitInbound(interfaceId, tuple));
        return expected == actual ? expected : Fail(expected, actual, $"PermitInbound({interfaceId}, {tuple})");
    }

    public bool PermitOutbound(int interfaceId, in PacketTuple tuple)
    {
        var (expected, actual) = (interpreter.PermitOutbound(interfaceId, tuple), compiled.Classifier.PermitOutbound(interfaceId, tuple));
        return expected == actual ? expected : Fail(expected, actual, $"PermitOutbound({interfaceId}, {tuple})");
    }

    public int Classify(int aclId, in PacketTuple tuple)
    {
        var (expected, actual) = (interpreter.Classify(aclId, tuple), compiled.Classifier.Classify(aclId, tuple));
        return expected == actual ? expected : Fail(expected, actual, $"Classify({aclId}, {tuple})");
    }

    public int SelectNatRule(in PacketTuple tuple)
    {
        var (expected, actual) = (interpreter.SelectNatRule(tuple), compiled.Classifier.SelectNatRule(tuple));
        return expected == actual ? expected : Fail(expected, actual, $"SelectNatRule({tuple})");
    }

    public int DispatchAlg(byte protocol, ushort port)
    {
        var (expected, actual) = (interpreter.DispatchAlg(protocol, port), compiled.Classifier.DispatchAlg(protocol, port));
        return expected == actual ? expected : Fail(expected, actual, $"DispatchAlg({protocol}, {port})");
    }

    // The message is built only on a disagreement, so agreeing calls allocate nothing.
    private T Fail<T>(T interpreted, T generated, string question) =>
        throw new Xunit.Sdk.XunitException(
            $"engines disagree on {question}: interpreter {interpreted}, compiled {generated}\n{PipelineCompilationException.Numbered(compiled.Source)}");
}
