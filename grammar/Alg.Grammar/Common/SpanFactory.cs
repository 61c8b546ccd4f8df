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

    /// <summary>The span of a rule up to its last real token: the line's NEWLINE is not part of what it says.</summary>
    public SourceSpan Of(ParserRuleContext context)
    {
        var stop = LastToken(context) ?? context.Start;
        return Of(context.Start, stop);
    }

    private static IToken? LastToken(Antlr4.Runtime.Tree.IParseTree node)
    {
        for (var i = node.ChildCount - 1; i >= 0; i--)
        {
            var child = node.GetChild(i);
            if (child is Antlr4.Runtime.Tree.ITerminalNode terminal)
            {
                var token = terminal.Symbol;
                if (token.Type != TokenConstants.EOF && !string.IsNullOrWhiteSpace(token.Text))
                {
                    return token;
                }
            }
            else if (LastToken(child) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
