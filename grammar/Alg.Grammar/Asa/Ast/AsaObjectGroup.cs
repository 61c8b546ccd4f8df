using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>object-group {network|service|protocol|icmp-type} NAME [tcp|udp|tcp-udp]</c> and its members.</summary>
public sealed record AsaObjectGroup(Located<string> Name, string Kind, string? Protocol, SourceSpan Span, ImmutableArray<Statement> Children)
    : BlockStatement(Span, Children);
