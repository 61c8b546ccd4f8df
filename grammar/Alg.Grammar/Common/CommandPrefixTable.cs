namespace Alg.Grammar.Common;

/// <summary>Finds the longest listed prefix of a line's words, ignoring a leading "no".</summary>
/// <remarks>
/// Dialects keep two tables, the commands Alg models and the commands it ignores; the longer match wins,
/// so "ip nat log" can be ignored while every other "ip nat" line is modelled.
/// </remarks>
public sealed class CommandPrefixTable
{
    private readonly Dictionary<string, CommandPrefix> _byWords;
    private readonly int _maxWords;

    public CommandPrefixTable(IEnumerable<CommandPrefix> commands)
    {
        _byWords = new Dictionary<string, CommandPrefix>(StringComparer.OrdinalIgnoreCase);
        foreach (var command in commands)
        {
            _byWords[command.Words] = command;
            _maxWords = Math.Max(_maxWords, command.WordCount);
        }
    }

    public CommandPrefixTable(params string[] words)
        : this(words.Select(w => new CommandPrefix(w)))
    {
    }

    public CommandPrefix? Match(IReadOnlyList<string> words)
    {
        var offset = words.Count > 1 && string.Equals(words[0], "no", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        for (var count = Math.Min(_maxWords, words.Count - offset); count >= 1; count--)
        {
            var key = string.Join(' ', words.Skip(offset).Take(count));
            if (_byWords.TryGetValue(key, out var command))
            {
                return command;
            }
        }

        return null;
    }
}
