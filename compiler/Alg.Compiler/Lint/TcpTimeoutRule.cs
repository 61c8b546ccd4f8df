using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>ALG3007 — an established-TCP idle timeout below RFC 5382 REQ-5's 2 h 4 min.</summary>
public sealed class TcpTimeoutRule : ILintRule
{
    private const long MinimumSeconds = 7440;

    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.TcpTimeoutBelowRfc5382;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        if (configuration.Policy.Timeouts.TryGetValue("tcp", out var tcp) && !tcp.Source.IsNone
            && tcp.Seconds is long seconds && seconds > 0 && seconds < MinimumSeconds)
        {
            diagnostics.Add(Descriptor, tcp.Source, seconds);
        }
    }
}
