namespace Alg.Runtime.Pipeline;

/// <summary>Which engine answers policy questions.</summary>
public enum EngineMode
{
    /// <summary>Walk the IR; ready at once.</summary>
    Interpreter,

    /// <summary>Wait for the generated class; never run the interpreter.</summary>
    Compiled,

    /// <summary>Start on the interpreter, compile in the background, swap when ready.</summary>
    Tiered,
}
