namespace Alg.Runtime.Tests.Support;

/// <summary>Which policy engine an <see cref="FtpHarness"/> asks.</summary>
public enum FtpEngine
{
    /// <summary>Both, every answer compared (<see cref="AgreeingEngine"/>).</summary>
    Both,

    /// <summary>The IR interpreter alone.</summary>
    Interpreter,

    /// <summary>The Roslyn-compiled class alone.</summary>
    Compiled,
}
