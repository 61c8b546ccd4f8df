using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>[no] sunrpc-server IFC ADDRESS MASK service PROGRAM protocol tcp|udp port P[-P] timeout hh:mm:ss</c>,
/// a static SunRPC service entry; <see cref="Arguments"/> are the words after the keyword, as written.</summary>
public sealed record AsaSunRpcServer(bool Negated, ImmutableArray<string> Arguments, SourceSpan Span)
    : Statement(Span);
