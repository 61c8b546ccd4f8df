using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: one member of an object group.</summary>
public sealed record AsaGroupMember(AsaGroupMemberKind Kind, AddressRange? Range, Located<string>? Reference, Located<string>? Protocol, AsaPortSpec? SourcePorts, AsaPortSpec? Ports, SourceSpan Span)
    : Statement(Span);
