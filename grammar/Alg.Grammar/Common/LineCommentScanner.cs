using Antlr4.Runtime;

namespace Alg.Grammar.Common;

/// <summary>
/// Reads a whole-line comment (a marker at the start of a line, after optional blanks) as one hidden token,
/// before the generated lexer sees the line.
/// </summary>
/// <remarks>
/// A lexer rule can only say "at the start of a line" with a semantic predicate, and a predicate at the left
/// edge of a rule stops ANTLR caching its lexer DFA: every token was then lexed through the ATN, which made
/// ASA, ScreenOS and Junos parse about twenty times slower than IOS. Scanning here keeps the rule's meaning
/// (a marker character elsewhere on a line is part of a word) and leaves the DFA cacheable.
/// </remarks>
public static class LineCommentScanner
{
    /// <summary>The comment token at the lexer's position, or null when the line is not a comment.</summary>
    public static IToken? TryRead(Lexer lexer, int commentType, ReadOnlySpan<char> markers, ReadOnlySpan<string> prefixes)
    {
        if (lexer.Column != 0)
        {
            return null;
        }

        var input = (ICharStream)lexer.InputStream;
        var offset = 1;
        while (input.LA(offset) is ' ' or '\t')
        {
            offset++;
        }

        var first = input.LA(offset);
        var isComment = first >= 0 && markers.Contains((char)first);
        foreach (var prefix in prefixes)
        {
            isComment |= offset == 1 && StartsWith(input, prefix);
        }

        if (!isComment)
        {
            return null;
        }

        var start = input.Index;
        var line = lexer.Line;
        while (input.LA(1) is not ('\r' or '\n' or IntStreamConstants.EOF))
        {
            input.Consume();
            lexer.Interpreter.Column++;
        }

        var stop = input.Index - 1;
        var source = Tuple.Create((ITokenSource)lexer, (ICharStream)input);
        return new CommonToken(source, commentType, TokenConstants.HiddenChannel, start, stop) { Line = line, Column = 0, Text = input.GetText(new Antlr4.Runtime.Misc.Interval(start, stop)) };
    }

    private static bool StartsWith(ICharStream input, string prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if (char.ToLowerInvariant((char)input.LA(i + 1)) != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
