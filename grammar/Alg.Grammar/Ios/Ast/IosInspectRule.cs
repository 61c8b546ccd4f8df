using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>ip inspect name NAME PROTOCOL ... (CBAC)</c>.</summary>
public sealed record IosInspectRule(Located<string> Name, Located<string> Protocol, bool Negated, SourceSpan Span)
    : Statement(Span);
