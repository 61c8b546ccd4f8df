using Antlr4.Runtime;

namespace Alg.DeviceConsole.Grammar;

/// <summary>
/// A dialect's configuration grammar as the console uses it: the keywords a mode accepts next (<c>?</c>), the
/// completion of a partial keyword (Tab), and the expansion of unambiguous abbreviations (<c>int</c>, <c>serv</c>), all
/// read from the ANTLR grammar, so the console offers exactly what the loader accepts.
/// </summary>
internal sealed class ConfigGrammar
{
    private readonly Func<ICharStream, Lexer> _createLexer;
    private readonly AtnWalker _walker;
    private readonly IVocabulary _vocabulary;
    private readonly int _newline;
    private readonly int _text;

    public ConfigGrammar(Func<ICharStream, Lexer> createLexer, Parser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        _createLexer = createLexer;
        _walker = new AtnWalker(parser.Atn);
        _vocabulary = parser.Vocabulary;
        _newline = parser.GetTokenType("NEWLINE");
        _text = parser.GetTokenType("TEXT");
    }

    /// <summary>The line's tokens on the default channel, without the end of line.</summary>
    public IReadOnlyList<IToken> Lex(string line)
    {
        var lexer = _createLexer(new AntlrInputStream(line));
        lexer.RemoveErrorListeners();
        var tokens = new List<IToken>();
        for (var token = lexer.NextToken(); token.Type != TokenConstants.EOF; token = lexer.NextToken())
        {
            if (token.Channel == TokenConstants.DefaultChannel && token.Type != _newline)
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    /// <summary>
    /// The line with every abbreviated keyword written out, read in the first of <paramref name="ruleIndexes"/> (innermost
    /// mode first) where the whole line is valid; when none takes it, as the innermost mode reads it.
    /// </summary>
    public Expansion Expand(string line, IReadOnlyList<int> ruleIndexes)
    {
        Expansion? first = null;
        foreach (var rule in ruleIndexes)
        {
            var expansion = ExpandIn(rule, line);
            if (expansion.Valid)
            {
                return expansion;
            }

            first ??= expansion;
        }

        return first ?? new Expansion(line, line, [], false, null);
    }

    /// <summary>What <c>?</c> lists after <paramref name="typed"/>: keywords (and placeholders such as WORD, A.B.C.D, &lt;cr&gt;) with the partial word's prefix.</summary>
    public IReadOnlyList<string> Help(string typed, IReadOnlyList<int> ruleIndexes)
    {
        var (complete, partial) = SplitPartial(typed);
        foreach (var rule in ruleIndexes)
        {
            var paths = WalkText(rule, complete);
            if (paths is null || paths.Count == 0)
            {
                continue;
            }

            var expected = _walker.Expected(paths);
            var words = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var type in expected.Types)
            {
                if (Display(type) is { } word && word.StartsWith(partial, StringComparison.OrdinalIgnoreCase))
                {
                    words.Add(word);
                }
            }

            if (expected.AnyWord && partial.Length == 0)
            {
                words.Add("WORD");
            }

            if (words.Count > 0)
            {
                return [.. words.OrderBy(w => w.StartsWith('<') ? 1 : 0).ThenBy(w => w, StringComparer.Ordinal)];
            }
        }

        return [];
    }

    /// <summary>The keywords that complete the partial last word of <paramref name="typed"/> in the first mode that has any.</summary>
    public IReadOnlyList<string> Completions(string typed, IReadOnlyList<int> ruleIndexes)
    {
        var (complete, partial) = SplitPartial(typed);
        foreach (var rule in ruleIndexes)
        {
            var paths = WalkText(rule, complete);
            if (paths is null || paths.Count == 0)
            {
                continue;
            }

            var keywords = _walker.Expected(paths).Types
                .Select(t => _vocabulary.GetLiteralName(t)?.Trim('\''))
                .OfType<string>()
                .Where(k => k.StartsWith(partial, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (keywords.Count > 0)
            {
                return keywords;
            }
        }

        return [];
    }

    private static (string Complete, string Partial) SplitPartial(string typed)
    {
        var cut = typed.Length;
        while (cut > 0 && !char.IsWhiteSpace(typed[cut - 1]))
        {
            cut--;
        }

        return (typed[..cut], typed[cut..]);
    }

    private IReadOnlyList<AtnPath>? WalkText(int rule, string complete)
    {
        var tokens = Lex(complete);
        if (tokens.Any(t => t.Type == _text))
        {
            return null;
        }

        return _walker.Walk(rule, tokens.Select(t => t.Type));
    }

    private string? Display(int type)
    {
        if (_vocabulary.GetLiteralName(type) is { } literal)
        {
            return literal.Trim('\'');
        }

        return _vocabulary.GetSymbolicName(type) switch
        {
            "NEWLINE" => "<cr>",
            "DEC" => "<number>",
            "IP_ADDRESS" => "A.B.C.D",
            "IP_PREFIX" => "A.B.C.D/LEN",
            "WORD" => "WORD",
            "STRING" => "\"TEXT\"",
            "TEXT" => "LINE",
            _ => null,
        };
    }

    private Expansion ExpandIn(int rule, string line)
    {
        var text = line;
        var edits = new List<ExpansionEdit>();
        var index = 0;
        string? ambiguity = null;
        while (true)
        {
            var tokens = Lex(text);
            if (index >= tokens.Count)
            {
                break;
            }

            var paths = _walker.Walk(rule, tokens.Take(index).Select(t => t.Type));
            if (paths.Count == 0)
            {
                break;
            }

            var token = tokens[index];
            if (token.Type == _text)
            {
                break;
            }

            // A word that is no keyword, where the grammar names no token of its type: an abbreviation, when exactly one
            // keyword the grammar accepts here starts with it.
            if (_vocabulary.GetLiteralName(token.Type) is null && !_walker.NamedBy(paths, token.Type))
            {
                var candidates = _walker.Expected(paths).Types
                    .Select(t => _vocabulary.GetLiteralName(t)?.Trim('\''))
                    .OfType<string>()
                    .Where(k => k.StartsWith(token.Text, StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToList();
                if (candidates.Count == 1)
                {
                    edits.Add(new ExpansionEdit(token.StartIndex, token.Text.Length, candidates[0].Length));
                    text = string.Concat(text.AsSpan(0, token.StartIndex), candidates[0], text.AsSpan(token.StartIndex + token.Text.Length));
                    continue;
                }

                if (candidates.Count > 1 && !_walker.Accepts(paths, token.Type))
                {
                    ambiguity = $"ambiguous command: '{token.Text}' may be {string.Join(", ", candidates.Order(StringComparer.Ordinal))}";
                    break;
                }
            }

            index++;
        }

        var all = Lex(text);
        var end = _walker.Walk(rule, all.Select(t => t.Type));
        var valid = ambiguity is null && end.Count > 0 && _walker.Accepts(end, _newline);
        return new Expansion(line, text, edits, valid, ambiguity);
    }
}
