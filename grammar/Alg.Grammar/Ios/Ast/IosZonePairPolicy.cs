using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>service-policy type inspect POLICY</c>.</summary>
public sealed record IosZonePairPolicy(Located<string> PolicyMap, SourceSpan Span)
    : Statement(Span);
