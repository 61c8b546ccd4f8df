using Alg.DeviceConsole.Dialects;

namespace Alg.DeviceConsole.Editing;

/// <summary>A configuration being edited, which remembers where the typed line went through removals before and after it.</summary>
internal sealed class Candidate
{
    private readonly ConfigText _base;
    private readonly List<(string Text, bool IsNew)> _lines;

    private Candidate(ConfigText text, List<(string Text, bool IsNew)> lines)
    {
        _base = text;
        _lines = lines;
    }

    public static Candidate Of(LoadedConfiguration config) => new(config.Text, [.. config.Text.Lines.Select(l => (l, false))]);

    /// <summary>A copy with the typed line inserted before the 0-based <paramref name="index"/>.</summary>
    public Candidate Insert(int index, string line)
    {
        var lines = _lines.ToList();
        lines.Insert(Math.Clamp(index, 0, lines.Count), (line, true));
        return new Candidate(_base, lines);
    }

    /// <summary>A copy without the 1-based lines in <paramref name="lines"/>.</summary>
    public Candidate Remove(IEnumerable<int> lines)
    {
        var gone = lines.ToHashSet();
        return new Candidate(_base, [.. _lines.Where((_, i) => !gone.Contains(i + 1))]);
    }

    public LoadedCandidate Load(string path, DialectProfile profile)
    {
        var text = _base.WithLines(_lines.Select(l => l.Text));
        var newLine = _lines.FindIndex(l => l.IsNew) + 1;
        return new LoadedCandidate(this, LoadedConfiguration.Of(text, path, profile.Dialect), newLine);
    }
}
