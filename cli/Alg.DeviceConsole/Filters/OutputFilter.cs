using System.Text.RegularExpressions;
using Sprache;

namespace Alg.DeviceConsole.Filters;

/// <summary>
/// The <c>| include</c>, <c>| exclude</c>, <c>| begin</c>, <c>| section</c> filters of a show command (Junos: <c>| match</c>,
/// <c>| except</c>, <c>| find</c>), parsed with Sprache. As on the device, the regular expression runs to the end of the line, so a <c>|</c> inside it is an
/// alternative (<c>| inc policy-map global-policy | inspect sip</c>: lines with either); a <c>|</c> followed by a filter
/// keyword and a space starts another filter on the output of the first.
/// </summary>
internal sealed class OutputFilter
{
    /// <summary>The Cisco filters (IOS, ASA; ScreenOS spells them the same).</summary>
    public static readonly OutputFilter Cisco = new(new Dictionary<string, FilterKind>
    {
        ["begin"] = FilterKind.Begin, ["exclude"] = FilterKind.Exclude, ["include"] = FilterKind.Include, ["section"] = FilterKind.Section,
    });

    /// <summary>Junos's: <c>| match</c>, <c>| except</c>, <c>| find</c>.</summary>
    public static readonly OutputFilter Junos = new(new Dictionary<string, FilterKind>
    {
        ["except"] = FilterKind.Exclude, ["find"] = FilterKind.Begin, ["match"] = FilterKind.Include,
    });

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyDictionary<string, FilterKind> _keywords;
    private readonly Parser<IEnumerable<(PositionedText Keyword, PositionedText? Pattern)>> _chain;

    private OutputFilter(IReadOnlyDictionary<string, FilterKind> keywords)
    {
        _keywords = keywords;
        var filterKeyword =
            from word in Parse.Letter.AtLeastOnce().Text()
            where Resolve(word) is not null
            select word;

        // Where a filter starts: spaces, '|', spaces, a filter keyword and a space. Anything else is part of a regex.
        var filterStart =
            from leading in Parse.WhiteSpace.Many()
            from bar in Parse.Char('|')
            from spaces in Parse.WhiteSpace.Many()
            from keyword in filterKeyword
            from after in Parse.WhiteSpace.AtLeastOnce()
            select keyword;
        var pattern = Parse.AnyChar.Except(filterStart).AtLeastOnce().Text().Select(t => new PositionedText(t)).Positioned();
        var keywordWord = Parse.CharExcept(" \t|").AtLeastOnce().Text().Select(t => new PositionedText(t)).Positioned();
        var step =
            from leading in Parse.WhiteSpace.Many()
            from bar in Parse.Char('|')
            from spaces in Parse.WhiteSpace.Many()
            from keyword in keywordWord
            from text in (from gap in Parse.WhiteSpace.AtLeastOnce() from text in pattern select text).Optional()
            select (keyword, text.GetOrDefault());
        _chain = step.AtLeastOnce().Then(steps => Parse.WhiteSpace.Many().End().Return(steps));
    }

    public IReadOnlyCollection<string> Keywords => [.. _keywords.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// The filters in <paramref name="text"/> (the command line from its first <c>|</c>; <paramref name="offset"/> is
    /// where that is on the line, for the columns). Throws <see cref="FilterSyntaxException"/> on a bad one.
    /// </summary>
    public IReadOnlyList<FilterStep> ParseChain(string text, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = _chain.TryParse(text);
        if (!parsed.WasSuccessful)
        {
            throw new FilterSyntaxException($"cannot read the filter: {parsed.Message}", offset + Math.Clamp(parsed.Remainder.Position, 0, text.Length));
        }

        var steps = new List<FilterStep>();
        foreach (var (keyword, pattern) in parsed.Value)
        {
            var kind = Resolve(keyword.Text)
                ?? throw new FilterSyntaxException($"unknown filter '{keyword.Text}' (known: {string.Join(", ", Keywords)})", offset + keyword.Column);
            if (pattern is null || pattern.Text.Trim().Length == 0)
            {
                throw new FilterSyntaxException($"'{keyword.Text}' needs a regular expression after it", offset + keyword.Column + keyword.Text.Length);
            }

            // The device takes the expression as typed, leading and inner spaces included; only the end of the line trims.
            var expression = pattern.Text.TrimEnd();
            try
            {
                steps.Add(new FilterStep(kind, expression, offset + pattern.Column, new Regex(expression, RegexOptions.CultureInvariant, MatchTimeout)));
            }
            catch (RegexParseException bad)
            {
                throw new FilterSyntaxException($"invalid regular expression '{expression}': {Describe(bad)}", offset + pattern.Column + Math.Clamp(bad.Offset - 1, 0, expression.Length));
            }
        }

        return steps;
    }

    /// <summary>The lines of an output that the filters let through, in order.</summary>
    public static IEnumerable<string> Apply(IEnumerable<string> lines, IReadOnlyList<FilterStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var current = lines;
        foreach (var step in steps)
        {
            current = Apply(current, step).ToList();
        }

        return current;
    }

    /// <summary>The filter a keyword or its unambiguous abbreviation names (<c>inc</c>, <c>i</c>), or null.</summary>
    public FilterKind? Resolve(string word)
    {
        var matches = _keywords.Keys.Where(k => k.StartsWith(word, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? _keywords[matches[0]] : null;
    }

    // "InsufficientClosingParentheses" says it better than .NET's message, which repeats the pattern and the offset.
    private static string Describe(RegexParseException bad) => Alg.Policy.Text.KebabCase.From(bad.Error.ToString()).Replace('-', ' ');

    private static IEnumerable<string> Apply(IEnumerable<string> lines, FilterStep step)
    {
        switch (step.Kind)
        {
            case FilterKind.Include:
                return lines.Where(l => Matches(step, l));
            case FilterKind.Exclude:
                return lines.Where(l => !Matches(step, l));
            case FilterKind.Begin:
                return lines.SkipWhile(l => !Matches(step, l));
            default:
                return Sections(lines, step);
        }
    }

    private static IEnumerable<string> Sections(IEnumerable<string> lines, FilterStep step)
    {
        var block = new List<string>();
        foreach (var line in lines.Append(string.Empty))
        {
            var indented = line.Length > 0 && char.IsWhiteSpace(line[0]);
            if (indented && block.Count > 0)
            {
                block.Add(line);
                continue;
            }

            if (block.Count > 0)
            {
                if (Matches(step, block[0]))
                {
                    foreach (var kept in block)
                    {
                        yield return kept;
                    }
                }
                else if (block.Skip(1).Where(l => Matches(step, l)).ToList() is { Count: > 0 } inner)
                {
                    yield return block[0];
                    foreach (var kept in inner)
                    {
                        yield return kept;
                    }
                }
            }

            block.Clear();
            if (line.Length > 0)
            {
                block.Add(line);
            }
        }
    }

    private static bool Matches(FilterStep step, string line)
    {
        try
        {
            return step.Regex.IsMatch(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
