using System.Collections.Immutable;

namespace Alg.Grammar.Common;

/// <summary>
/// The modes the mode machine had open after each line it read (comments and blank lines are not read). A console
/// edits a configuration by its blocks, and only the mode machine knows them: indentation means nothing to IOS.
/// </summary>
public sealed class ModeTrace
{
    private readonly Dictionary<int, ModeTraceLine> _lines = [];

    /// <summary>Lines read, in order.</summary>
    public IEnumerable<ModeTraceLine> Lines => _lines.Values.OrderBy(l => l.Line);

    public ModeTraceLine? this[int line] => _lines.GetValueOrDefault(line);

    internal void Record(int line, int closed, ImmutableArray<ModeFrame> open) => _lines[line] = new ModeTraceLine(line, closed, open);
}
