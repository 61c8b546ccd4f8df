using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>system host-name NAME</c>.</summary>
public sealed record JunosHostName(JunosOperation Operation, Located<string> Name, SourceSpan Span)
    : Statement(Span);
