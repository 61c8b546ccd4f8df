namespace Alg.DeviceConsole.Dialects;

/// <summary>
/// A typed exec line matched against the dialect's commands: the command and its values, or what is wrong (unknown
/// word, ambiguous abbreviation, missing words) with the 0-based column of the word at fault.
/// </summary>
internal sealed record ExecResolution(ExecCommand? Command, IReadOnlyList<string> Values, string? Problem, int Column)
{
    // What `?` says of a first word several commands share.
    private static readonly Dictionary<string, string> SharedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["show"] = "Show running system information",
        ["get"] = "Show system information",
        ["write"] = "Write the running configuration to the configuration file",
        ["save"] = "Write the running configuration to the configuration file",
        ["terminal"] = "Set terminal line parameters",
    };

    public static ExecResolution Resolve(IEnumerable<ExecCommand> commands, string text)
    {
        var words = new List<(string Word, int Column)>();
        for (var i = 0; i < text.Length;)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add((text[start..i], start));
            }
        }

        var candidates = commands.Where(c => words.Count <= c.Words.Count).ToList();
        for (var position = 0; position < words.Count; position++)
        {
            var (word, column) = words[position];
            var matching = candidates.Where(c => Matches(c.Words[position], word)).ToList();
            if (matching.Count == 0)
            {
                return new ExecResolution(null, [], "Invalid input detected at '^' marker.", column);
            }

            var keywords = matching.Where(c => !ExecCommand.IsPlaceholder(c.Words[position])).Select(c => c.Words[position]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (keywords.Count > 1)
            {
                var exact = keywords.FirstOrDefault(k => string.Equals(k, word, StringComparison.OrdinalIgnoreCase));
                if (exact is null)
                {
                    return new ExecResolution(null, [], $"Ambiguous command: '{word}' may be {string.Join(", ", keywords.Order(StringComparer.Ordinal))}", column);
                }

                matching = [.. matching.Where(c => ExecCommand.IsPlaceholder(c.Words[position]) || string.Equals(c.Words[position], exact, StringComparison.OrdinalIgnoreCase))];
            }

            candidates = matching;
        }

        var complete = candidates.Where(c => words.Count >= c.RequiredWords).OrderBy(c => c.Words.Count).ToList();
        if (complete.Count == 0)
        {
            return new ExecResolution(null, [], candidates.Count > 0 ? "Incomplete command." : "Invalid input detected at '^' marker.", text.Length);
        }

        var chosen = complete.FirstOrDefault(c => c.Words.Count == words.Count) ?? complete[0];
        var values = words.Where((_, i) => ExecCommand.IsPlaceholder(chosen.Words[i])).Select(w => w.Word).ToList();
        return new ExecResolution(chosen, values, null, 0);
    }

    /// <summary>What may come after the complete words of <paramref name="typed"/>, with the partial last word's prefix.</summary>
    public static IReadOnlyList<(string Word, string Help)> Next(IEnumerable<ExecCommand> commands, string typed)
    {
        var cut = typed.Length;
        while (cut > 0 && !char.IsWhiteSpace(typed[cut - 1]))
        {
            cut--;
        }

        var done = typed[..cut].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var partial = typed[cut..];
        var next = new List<(string, string)>();
        var all = commands.ToList();
        foreach (var command in all)
        {
            if (done.Length > command.Words.Count || !done.Select((w, i) => Matches(command.Words[i], w)).All(b => b))
            {
                continue;
            }

            if (done.Length == command.Words.Count || (done.Length >= command.RequiredWords && command.Words[done.Length].StartsWith('[')))
            {
                if (partial.Length == 0)
                {
                    next.Add(("<cr>", string.Empty));
                }

                if (done.Length == command.Words.Count)
                {
                    continue;
                }
            }

            var word = command.Words[done.Length].Trim('[', ']');
            if (word.StartsWith('<') || word.StartsWith(partial, StringComparison.OrdinalIgnoreCase))
            {
                // A word several commands share says nothing of one of them.
                var sharing = all.Count(c => c.Words.Count > done.Length && string.Equals(c.Words[done.Length], command.Words[done.Length], StringComparison.OrdinalIgnoreCase)
                    && done.Select((w, i) => Matches(c.Words[i], w)).All(b => b));
                next.Add((word, done.Length + 1 >= command.Words.Count || sharing == 1 ? command.Help : SharedWords.GetValueOrDefault(word, string.Empty)));
            }
        }

        return [.. next.GroupBy(n => n.Item1, StringComparer.OrdinalIgnoreCase).Select(g => g.OrderByDescending(n => n.Item2.Length).First()).OrderBy(n => n.Item1 == "<cr>" ? 1 : 0).ThenBy(n => n.Item1, StringComparer.Ordinal)];
    }

    private static bool Matches(string commandWord, string typed) =>
        ExecCommand.IsPlaceholder(commandWord) || commandWord.StartsWith(typed, StringComparison.OrdinalIgnoreCase);
}
