using System.Text;
using Antlr4.Runtime;

namespace Alg.Grammar.Common;

/// <summary>
/// Reads the body of a Cisco <c>banner TYPE &lt;d&gt;text&lt;d&gt;</c> straight from the lexer's input: the delimiter is
/// whatever character follows the type (<c>^C</c> in show-run output), so no fixed lexer rule can find its end.
/// </summary>
public static class BannerScanner
{
    /// <summary>Consumes the rest of the banner after the <c>banner</c> keyword and returns it as one token.</summary>
    public static IToken ReadBanner(Lexer lexer, IToken keyword)
    {
        var input = lexer.InputStream;
        var text = new StringBuilder(keyword.Text);
        var interpreter = lexer.Interpreter;

        void Consume()
        {
            var c = input.LA(1);
            text.Append((char)c);
            input.Consume();
            if (c == '\n')
            {
                interpreter.Line++;
                interpreter.Column = 0;
            }
            else
            {
                interpreter.Column++;
            }
        }

        bool At(string s)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (input.LA(i + 1) != s[i])
                {
                    return false;
                }
            }

            return true;
        }

        // banner <type> <delimiter>: skip the type word and the spaces around it.
        while (input.LA(1) is ' ' or '\t')
        {
            Consume();
        }

        while (input.LA(1) is not (' ' or '\t' or '\r' or '\n' or IntStreamConstants.EOF))
        {
            Consume();
        }

        while (input.LA(1) is ' ' or '\t')
        {
            Consume();
        }

        if (input.LA(1) is '\r' or '\n' or IntStreamConstants.EOF)
        {
            return Token(lexer, keyword, text, input.Index - 1);
        }

        var delimiter = At("^C") ? "^C" : ((char)input.LA(1)).ToString();
        foreach (var _ in delimiter)
        {
            Consume();
        }

        while (input.LA(1) != IntStreamConstants.EOF && !At(delimiter))
        {
            Consume();
        }

        foreach (var _ in delimiter)
        {
            if (input.LA(1) != IntStreamConstants.EOF)
            {
                Consume();
            }
        }

        // Anything after the closing delimiter on its line belongs to the banner command too.
        while (input.LA(1) is not ('\r' or '\n' or IntStreamConstants.EOF))
        {
            Consume();
        }

        return Token(lexer, keyword, text, input.Index - 1);
    }

    private static CommonToken Token(Lexer lexer, IToken keyword, StringBuilder text, int stop) =>
        new(keyword.Type, text.ToString())
        {
            Line = keyword.Line,
            Column = keyword.Column,
            StartIndex = keyword.StartIndex,
            StopIndex = stop,
            Channel = keyword.Channel,
        };
}
