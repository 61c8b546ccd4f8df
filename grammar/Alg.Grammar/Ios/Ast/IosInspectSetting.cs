using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>ip inspect SETTING ... (global CBAC setting)</c>.</summary>
public sealed record IosInspectSetting(string Setting, bool Negated, SourceSpan Span)
    : Statement(Span);
