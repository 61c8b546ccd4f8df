namespace Alg.Runtime.Pipeline;

/// <summary>What is answering right now, for `alg status` and the metrics.</summary>
public enum EngineTier
{
    Interpreter,
    Compiling,
    Compiled,
}
