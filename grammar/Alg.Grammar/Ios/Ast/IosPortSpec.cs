using System.Collections.Immutable;
using Alg.Grammar.Common;

namespace Alg.Grammar.Ios.Ast;

/// <summary>An ACL port test: <c>eq P...</c>, <c>neq P</c>, <c>lt P</c>, <c>gt P</c> or <c>range A B</c>; ports resolved to numbers.</summary>
public sealed record IosPortSpec(IosPortOperator Operator, ImmutableArray<Located<int>> Ports);
