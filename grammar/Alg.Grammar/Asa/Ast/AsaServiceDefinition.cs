using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>service PROTOCOL [source OP P] [destination OP P]</c> in <c>object service</c>.</summary>
public sealed record AsaServiceDefinition(Located<string> Protocol, AsaPortSpec? SourcePorts, AsaPortSpec? DestinationPorts, SourceSpan Span)
    : Statement(Span);
