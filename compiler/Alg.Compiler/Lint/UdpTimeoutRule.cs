using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>ALG3006 — a UDP mapping timeout below RFC 4787 REQ-5's 2 minutes: phones' bindings die between keepalives.</summary>
public sealed class UdpTimeoutRule : ILintRule
{
    private const long MinimumSeconds = 120;

    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.UdpTimeoutBelowRfc4787;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        if (configuration.Policy.Timeouts.TryGetValue("udp", out var udp) && !udp.Source.IsNone
            && udp.Seconds is long seconds && seconds > 0 && seconds < MinimumSeconds)
        {
            diagnostics.Add(Descriptor, udp.Source, seconds);
        }
    }
}
