using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>[no] ip nat inside|outside|enable</c>.</summary>
public sealed record IosInterfaceNat(IosNatRole Role, bool Negated, SourceSpan Span)
    : Statement(Span);
