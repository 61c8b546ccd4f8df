using Alg.Policy.Text;
using Antlr4.Runtime;

namespace Alg.Grammar.Common;

/// <summary>Turns ANTLR tokens into <see cref="SourceSpan"/>s; ANTLR columns are 0-based, ours 1-based.</summary>
public sealed class SpanFactory(string file)
{
    public string File { get; } = file;

    public SourceSpan Of(IToken token) =>
        new(File, token.Line, token.Column + 1, token.Line, token.Column + 1 + Math.Max(1, token.Text?.Length ?? 1));

    public SourceSpan Of(IToken first, IToken last) =>
        new(File, first.Line, first.Column + 1, last.Line, last.Column + 1 + Math.Max(1, last.Text?.Length ?? 1));

    public SourceSpan Of(ParserRuleContext context)
    {
        var stop = context.Stop ?? context.Start;
        return Of(context.Start, stop.Type == TokenConstants.EOF ? context.Start : stop);
    }
}
