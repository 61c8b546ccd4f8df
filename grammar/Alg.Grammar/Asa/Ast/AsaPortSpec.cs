using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: a port test, <c>eq|neq|lt|gt P</c> or <c>range A B</c>, ports resolved to numbers.</summary>
public sealed record AsaPortSpec(AsaPortOperator Operator, ImmutableArray<Located<int>> Ports);
