using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>hostname NAME</c>.</summary>
public sealed record IosHostname(Located<string> Name, SourceSpan Span)
    : Statement(Span);
