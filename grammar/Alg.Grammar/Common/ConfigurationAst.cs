using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Common;

/// <summary>The parsed form of one configuration file, in its own dialect's vocabulary.</summary>
public sealed record ConfigurationAst(
    Dialect Dialect,
    SourceText Source,
    ImmutableArray<Statement> Statements,
    ImmutableArray<IgnoredLine> Ignored,
    ImmutableArray<UnrecognizedLine> Unrecognized);
