namespace Alg.Grammar.Common;

/// <summary>Finds the longest listed prefix of a line's words, ignoring a leading "no".</summary>
/// <remarks>
/// Dialects keep two tables, the commands Alg models and the commands it ignores; the longer match wins,
/// so "ip nat log" can be ignored while every other "ip nat" line is modelled.
/// </remarks>
public sealed class CommandPrefixTable
{
    private readonly Dictionary<string, CommandPrefix> _byWords;
    private readonly Dictionary<string, CommandPrefix>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly int _maxWords;

    public CommandPrefixTable(IEnumerable<CommandPrefix> commands)
    {
        _byWords = new Dictionary<string, CommandPrefix>(StringComparer.OrdinalIgnoreCase);
        foreach (var command in commands)
        {
            _byWords[command.Words] = command;
            _maxWords = Math.Max(_maxWords, command.WordCount);
        }

        _bySpan = _byWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public CommandPrefixTable(params string[] words)
        : this(words.Select(w => new CommandPrefix(w)))
    {
    }

    public CommandPrefix? Match(IReadOnlyList<string> words)
    {
        var offset = words.Count > 1 && string.Equals(words[0], "no", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        var count = Math.Min(_maxWords, words.Count - offset);
        if (count < 1)
        {
            return null;
        }

        // Every line is looked up in two tables: the longest candidate is joined once, without allocating, and
        // the shorter candidates are its prefixes.
        var length = count - 1;
        for (var i = 0; i < count; i++)
        {
            length += words[offset + i].Length;
        }

        Span<char> joined = length <= 256 ? stackalloc char[256] : new char[length];
        Span<int> ends = stackalloc int[count];
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                joined[position++] = ' ';
            }

            words[offset + i].CopyTo(joined[position..]);
            position += words[offset + i].Length;
            ends[i] = position;
        }

        for (var take = count; take >= 1; take--)
        {
            if (_bySpan.TryGetValue(joined[..ends[take - 1]], out var command))
            {
                return command;
            }
        }

        return null;
    }
}
