using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>[no] ip inspect NAME in|out (classic CBAC)</c>.</summary>
public sealed record IosInterfaceInspect(Located<string> Name, bool Inbound, bool Negated, SourceSpan Span)
    : Statement(Span);
