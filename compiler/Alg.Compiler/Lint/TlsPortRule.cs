using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Lint;

/// <summary>ALG3015 — the SIP ALG listening on 5061 (SIP over TLS, RFC 3261 §26.2): encrypted, nothing to read.</summary>
public sealed class TlsPortRule : ILintRule
{
    private const int SipTlsPort = 5061;

    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.TlsPortInspected;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var sip = configuration.Policy.FindAlg("sip");
        if (sip is null || !sip.Enabled || !sip.Ports.Any(p => p.Port == SipTlsPort))
        {
            return;
        }

        var span = sip.Spans.LastOrDefault(s => !s.IsNone);
        diagnostics.Add(Descriptor, span.IsNone ? new Alg.Policy.Text.SourceSpan(configuration.Ast.Source.Path, 1, 1, 1, 1) : span, SipTlsPort);
    }
}
