using Alg.Compiler;
using Alg.Compiler.Lowering;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.DeviceConsole.Editing;

/// <summary>A configuration text as the loader read it: diagnostics, policy, and the block structure of its lines.</summary>
internal sealed class LoadedConfiguration
{
    private string? _fingerprint;

    private LoadedConfiguration(ConfigText text, LoadResult load, ModeTrace trace)
    {
        Text = text;
        Load = load;
        Trace = trace;
    }

    public ConfigText Text { get; }

    public LoadResult Load { get; }

    public ModeTrace Trace { get; }

    public IEnumerable<Diagnostic> Errors => Load.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The lowered program's fingerprint: two texts with the same one configure the gateway alike. Null with errors.</summary>
    public string? Fingerprint => _fingerprint ??= Load.Policy is { } policy ? PolicyLowerer.Lower(policy).Fingerprint : null;

    public static LoadedConfiguration Of(ConfigText text, string path, Dialect dialect)
    {
        var trace = new ModeTrace();
        var load = ConfigurationLoader.Load(new SourceText(path, text.Render()), dialect, trace);
        return new LoadedConfiguration(text, load, trace);
    }

    /// <summary>The header line (1-based) of the block a line was read in; 0 for the global mode; -1 when not read (a comment).</summary>
    public int ParentOf(int line)
    {
        if (Trace[line] is not { } read)
        {
            return -1;
        }

        var open = read.Open;
        return IsHeader(line) ? open[^2].HeaderLine : open[^1].HeaderLine;
    }

    public bool IsHeader(int line) => Trace[line] is { } read && read.Open.Length > 1 && read.Open[^1].HeaderLine == line;

    public ParserMode? ModeOpenedBy(int header) => IsHeader(header) ? Trace[header]!.Open[^1].Mode : null;

    /// <summary>The last line read inside the block <paramref name="header"/> opens (the header itself when it is empty).</summary>
    public int BlockEnd(int header)
    {
        var end = header;
        for (var line = header + 1; line <= Text.Lines.Count; line++)
        {
            if (Trace[line] is not { } read)
            {
                continue;
            }

            if (!read.Open.Any(f => f.HeaderLine == header))
            {
                break;
            }

            end = line;
        }

        return end;
    }

    /// <summary>The lines read in the block of <paramref name="header"/> (0: global) that belong to it directly, in order.</summary>
    public IEnumerable<int> ChildrenOf(int header)
    {
        var last = header == 0 ? Text.Lines.Count : BlockEnd(header);
        for (var line = header + 1; line <= last; line++)
        {
            if (ParentOf(line) == header)
            {
                yield return line;
            }
        }
    }

    /// <summary>The header of a block in <paramref name="parent"/> whose line reads as <paramref name="headerText"/>, or 0.</summary>
    public int FindHeader(int parent, string headerText)
    {
        var wanted = ConfigText.Normalize(headerText);
        return ChildrenOf(parent).FirstOrDefault(l => IsHeader(l) && ConfigText.Normalize(Text.Lines[l - 1]) == wanted);
    }

    /// <summary>The trailing <c>end</c> a running configuration closes with (1-based), or 0: global lines go before it.</summary>
    public int TrailingEnd()
    {
        for (var line = Text.Lines.Count; line >= 1; line--)
        {
            if (Trace[line] is null)
            {
                continue;
            }

            return ConfigText.Normalize(Text.Lines[line - 1]) == "end" ? line : 0;
        }

        return 0;
    }
}
