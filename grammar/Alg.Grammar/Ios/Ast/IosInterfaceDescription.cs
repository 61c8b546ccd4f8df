using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>description TEXT</c>.</summary>
public sealed record IosInterfaceDescription(string Text, SourceSpan Span)
    : Statement(Span);
