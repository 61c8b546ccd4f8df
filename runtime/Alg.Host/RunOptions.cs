using Alg.Policy.Model;
using Alg.Runtime.Pipeline;

namespace Alg.Host;

/// <summary>How <c>alg run</c> was asked to run.</summary>
/// <param name="ConfigPath">The configuration, as given (also what <c>alg status</c> shows); reloads read it again.</param>
/// <param name="ControlPath">The Unix socket <c>alg reload</c> and <c>alg status</c> talk to.</param>
public sealed record RunOptions(string ConfigPath, Dialect? Dialect, EngineMode Mode, string ControlPath)
{
    public const string DefaultControlPath = "/run/alg/alg.sock";
}
