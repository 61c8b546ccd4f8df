using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>[no] shutdown</c>.</summary>
public sealed record IosInterfaceShutdown(bool Negated, SourceSpan Span)
    : Statement(Span);
