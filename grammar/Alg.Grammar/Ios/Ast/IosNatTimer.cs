using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>[no] ip nat translation TIMER {SECONDS | never}</c>.</summary>
public sealed record IosNatTimer(bool Negated, Located<string> Timer, Located<long>? Seconds, bool Never, SourceSpan Span)
    : Statement(Span);
