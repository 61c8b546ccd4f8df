using System.Collections.Immutable;

namespace Alg.Grammar.Common;

/// <summary>What one parsed line means to the mode machine.</summary>
/// <param name="Statement">The statement the line makes, if it is not a block header.</param>
/// <param name="Opens">The mode the line enters (a block header), with the factory that builds the block.</param>
/// <param name="Exit">How many modes the line leaves (<c>exit</c> 1, <c>end</c> all).</param>
public sealed record LineResult(
    Statement? Statement,
    ParserMode? Opens = null,
    Func<ImmutableArray<Statement>, Statement>? BlockFactory = null,
    int Exit = 0)
{
    public const int ExitAll = int.MaxValue;

    public static LineResult Of(Statement statement) => new(statement);

    public static LineResult Block(ParserMode mode, Func<ImmutableArray<Statement>, Statement> factory) =>
        new(null, mode, factory);
}
