using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>A UUID (<c>Alg</c> msrpc) or program number or range (<c>Alg</c> sunrpc) as an application or service
/// definition writes it, for lint to check (ALG3031).</summary>
/// <param name="Keyword">The keyword that introduced it (<c>uuid</c>, <c>rpc-program-number</c>, <c>program</c>).</param>
public sealed record RpcFilterValue(string Alg, string Keyword, string Text, SourceSpan Span);
