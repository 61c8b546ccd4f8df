using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos.Ast;

/// <summary>Junos: <c>security alg NAME OPTION [VALUE...]</c>, e.g. <c>sip inactive-media-timeout 120</c>.</summary>
public sealed record JunosAlgOption(JunosOperation Operation, Located<string> Alg, Located<string> Option, ImmutableArray<Located<string>> Values, SourceSpan Span)
    : Statement(Span);
