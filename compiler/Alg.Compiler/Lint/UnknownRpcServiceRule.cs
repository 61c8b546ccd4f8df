using Alg.Compiler.Binding;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3032 — a permitting policy names a predefined application (Junos <c>junos-ms-rpc-…</c>, <c>junos-sun-rpc-…</c>)
/// or service (ScreenOS <c>MS-RPC-…</c>, <c>SUN-RPC-…</c>, the MS-AD, MS-EXCHANGE and MS-IIS families) whose UUIDs or
/// program numbers Alg does not know. Rather than guess, Alg lets it permit every interface (program) of its ALG, so the
/// policy's clients are not filtered at all; the warning says so, with the closest name Alg knows.
/// </summary>
public sealed class UnknownRpcServiceRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.UnknownRpcService;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        var kind = configuration.Policy.Dialect == Dialect.Junos ? "application" : "service";
        foreach (var unknown in configuration.UnknownRpcServices)
        {
            var sun = unknown.Name.Contains("sun-rpc", StringComparison.OrdinalIgnoreCase);
            diagnostics.Add(
                Descriptor, unknown.Span, unknown.Name, kind, sun ? "program numbers" : "interface UUIDs", sun ? "sunrpc" : "msrpc",
                sun ? "program" : "interface", Suggestions.DidYouMean(unknown.Name, unknown.Known));
        }
    }
}
