using Alg.Compiler.Binding;
using Alg.Policy.Diagnostics;
using Alg.StdlibAlgs.SunRpc;

namespace Alg.Compiler.Lint;

/// <summary>
/// ALG3031 — a UUID or RPC program number of an application (Junos <c>uuid</c>, <c>rpc-program-number</c>) or service
/// (ScreenOS <c>ms-rpc uuid</c>, <c>sun-rpc program</c>) that is not one: a UUID must be 8-4-4-4-12 hexadecimal digits
/// (C706 Appendix A), a program a decimal number of 32 bits or a range <c>LOW-HIGH</c> with LOW ≤ HIGH (RFC 5531 §9).
/// Such a value cannot be part of the RPC ALG's filter, and leaving it out would change what the policy permits, so it
/// is an error.
/// </summary>
public sealed class MalformedRpcFilterRule : ILintRule
{
    public DiagnosticDescriptor Descriptor => DiagnosticCatalog.MalformedRpcFilter;

    public void Check(BoundConfiguration configuration, DiagnosticBag diagnostics)
    {
        foreach (var value in configuration.RpcFilterValues)
        {
            if (value.Alg == "msrpc" && !Guid.TryParseExact(value.Text, "D", out _))
            {
                diagnostics.Add(Descriptor, value.Span, value.Keyword, value.Text, "an interface UUID (8-4-4-4-12 hexadecimal digits, C706 Appendix A)");
            }
            else if (value.Alg == "sunrpc" && !SunRpcProgramRange.TryParse(value.Text, out _))
            {
                diagnostics.Add(Descriptor, value.Span, value.Keyword, value.Text, "an RPC program number or range LOW-HIGH (0-4294967295, LOW not above HIGH; RFC 5531 §9)");
            }
        }
    }
}
