using System.Collections.Immutable;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>A policy names a predefined RPC application or service (<c>junos-ms-rpc-…</c>, <c>SUN-RPC-…</c>) whose
/// UUIDs or programs Alg does not know, for lint to report (ALG3032); it filters nothing.</summary>
/// <param name="Known">The predefined names of the dialect Alg does know, for did-you-mean.</param>
public sealed record UnknownRpcService(string Name, SourceSpan Span, ImmutableArray<string> Known);
