using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: a <c>match</c> line of a class-map.</summary>
public sealed record AsaClassMatch(AsaClassMatchKind Kind, bool Negated, TransportProtocol? Protocol, AsaPortSpec? Ports, Located<string>? AccessList, string Text, SourceSpan Span)
    : Statement(Span);
