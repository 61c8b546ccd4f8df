using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>security zones security-zone ZONE interfaces IF.UNIT</c>.</summary>
public sealed record JunosZoneInterface(JunosOperation Operation, Located<string> Zone, Located<string> Interface, SourceSpan Span)
    : Statement(Span);
