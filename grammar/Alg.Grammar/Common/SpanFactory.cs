using Alg.Policy.Text;
using Antlr4.Runtime;

namespace Alg.Grammar.Common;

/// <summary>Turns ANTLR tokens into <see cref="SourceSpan"/>s; ANTLR columns are 0-based, ours 1-based.</summary>
/// <remarks>When the parser reads a rewritten form of the file, <paramref name="map"/> takes positions back to the user's file.</remarks>
public sealed class SpanFactory(string file, SourceMap? map = null)
{
    public string File { get; } = file;

    public SourceSpan Of(IToken token) => Of(token, token);

    public SourceSpan Of(IToken first, IToken last)
    {
        var lastLength = Math.Max(1, last.Text?.Length ?? 1);
        if (map is null)
        {
            return new(File, first.Line, first.Column + 1, last.Line, last.Column + 1 + lastLength);
        }

        var (startLine, startColumn) = map.Map(first.Line, first.Column);
        var (endLine, endColumn) = map.Map(last.Line, last.Column + lastLength - 1);
        if (endLine < startLine || (endLine == startLine && endColumn < startColumn))
        {
            (endLine, endColumn) = (startLine, startColumn);
        }

        return new(File, startLine, startColumn + 1, endLine, endColumn + 2);
    }

    /// <summary>The span of a whole line of the parsed text, from its first token to the line's end.</summary>
    public SourceSpan OfLine(IToken first, int lineLength)
    {
        if (map is null)
        {
            return new(File, first.Line, first.Column + 1, first.Line, lineLength + 1);
        }

        var (startLine, startColumn) = map.Map(first.Line, first.Column);
        var (endLine, endColumn) = map.Map(first.Line, Math.Max(first.Column, lineLength - 1));
        return endLine == startLine && endColumn >= startColumn
            ? new(File, startLine, startColumn + 1, endLine, endColumn + 2)
            : new(File, startLine, startColumn + 1, startLine, startColumn + 2);
    }

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
