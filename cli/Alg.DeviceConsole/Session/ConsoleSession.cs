using System.Globalization;
using Alg.DeviceConsole.Dialects;
using Alg.DeviceConsole.Editing;
using Alg.DeviceConsole.Filters;
using Alg.DeviceConsole.Grammar;
using Alg.DeviceConsole.Stores;
using Alg.Grammar.Common;
using Alg.Host.Control;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.DeviceConsole.Session;

/// <summary>
/// One console session: the modes it is in, the configuration it edits and the commands it runs, with no terminal of its
/// own (the line editor or a script feeds it lines, so every behaviour is testable in process). A configuration line
/// is applied at once: checked, merged into the candidate configuration, and committed — to a running gateway, which
/// compiles and loads it, or to the file's candidate until <c>write memory</c>.
/// </summary>
internal sealed class ConsoleSession
{
    private readonly string[] _sessionWords;
    private readonly IConfigurationStore _store;
    private readonly DialectProfile _profile;
    private readonly CandidateEditor _editor;
    private readonly TextWriter _output;
    private readonly List<string> _history = [];
    private LoadedConfiguration _current;
    private string _version;
    private IReadOnlyList<ContextFrame> _context = [];

    // Junos: lines applied to the candidate and not yet committed.
    private bool _uncommitted;

    public ConsoleSession(IConfigurationStore store, Dialect dialect, TextWriter output, string sourceName = "console")
    {
        _store = store;
        _output = output;
        SourceName = sourceName;
        _profile = DialectProfile.For(dialect);
        _sessionWords = _profile.CommitsOnRequest ? [_profile.ExecPrefix, "exit", "quit"] : [_profile.ExecPrefix, "end", "exit"];
        var stored = store.Read();
        Path = stored.Path;
        _editor = new CandidateEditor(_profile, Path);
        _version = stored.Version;
        _current = LoadedConfiguration.Of(ConfigText.Parse(stored.Text), Path, dialect);
        Configuring = !_profile.HasConfigurationMode;
    }

    /// <summary>The configuration file's path, as diagnostics name it.</summary>
    public string Path { get; }

    /// <summary>What diagnostics of typed lines are located in: <c>console</c>, or the script's name.</summary>
    public string SourceName { get; }

    public Dialect Dialect => _profile.Dialect;

    /// <summary>In configuration mode (always, for a dialect without one).</summary>
    public bool Configuring { get; private set; }

    /// <summary>The session was left (<c>exit</c> at the exec prompt).</summary>
    public bool Ended { get; private set; }

    public IReadOnlyList<string> History => _history;

    public string RunningText => _current.Text.Render();

    /// <summary>Errors the configuration had when it was read (shown once when the console starts).</summary>
    public IEnumerable<Diagnostic> StartingErrors => _current.Errors;

    public string Hostname => _current.Load.Bound?.Policy.Hostname is { Length: > 0 } name ? name : _profile.DefaultHostname;

    public string Prompt => _profile.Prompt(Hostname, Configuring, _context);

    /// <summary>Runs one typed line; false when it was refused (a script stops there). Output goes to the writer.</summary>
    /// <param name="lineNumber">The line's number in a script, or the count of lines typed, for the diagnostics' location.</param>
    public bool Execute(string typed, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var line = typed.TrimEnd();
        var trimmed = line.TrimStart();
        if (trimmed.Length == 0 || trimmed.StartsWith('!') || trimmed.StartsWith('#'))
        {
            return true;
        }

        _history.Add(trimmed);
        var indent = line.Length - trimmed.Length;
        try
        {
            return Configuring ? ExecuteInConfiguration(trimmed, indent, lineNumber) : ExecuteExec(trimmed, indent, lineNumber);
        }
        catch (Exception lost) when (lost is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
        {
            _output.WriteLine($"% {lost.Message}");
            return false;
        }
    }

    /// <summary>Ctrl-Z: back to the exec prompt, as <c>end</c>.</summary>
    public void EndConfiguration()
    {
        if (_profile.HasConfigurationMode)
        {
            Configuring = false;
        }

        _context = [];
    }

    /// <summary>What <c>?</c> shows after <paramref name="typed"/>: the words that may come next (or complete the partial one) and what they do.</summary>
    public IReadOnlyList<(string Word, string Help)> Help(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var trimmed = typed.TrimStart();
        if (Configuring && SplitDo(trimmed) is { } exec)
        {
            return ExecResolution.Next(ExecCommandsHere(inConfiguration: false), exec);
        }

        if (!Configuring)
        {
            return ExecResolution.Next(ExecCommandsHere(inConfiguration: false), trimmed);
        }

        var entries = new List<(string Word, string Help)>();
        var firstWord = !trimmed.Contains(' ', StringComparison.Ordinal);
        entries.AddRange(_profile.Grammar.Help(trimmed, RuleIndexes()).Select(w => (w, string.Empty)));
        if (firstWord)
        {
            entries.AddRange(ExecResolution.Next(ExecCommandsHere(inConfiguration: true), trimmed));
            foreach (var word in _sessionWords.Where(w => w.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase) && (_profile.HasConfigurationMode || w == "exit")))
            {
                entries.Add((word, word switch { "do" or "run" => "To run exec commands in configuration mode", "end" => "Exit from configure mode", _ => "Exit from the current mode" }));
            }

            entries.AddRange(ExecResolution.Next(_profile.ConfigurationCommands, trimmed));
        }
        else if (_profile.ShowsInConfigurationMode || !_profile.HasConfigurationMode)
        {
            entries.AddRange(ExecResolution.Next(ExecCommandsHere(inConfiguration: true), trimmed));
        }
        else
        {
            entries.AddRange(ExecResolution.Next(_profile.ConfigurationCommands, trimmed));
        }

        return [.. entries.GroupBy(e => e.Word, StringComparer.OrdinalIgnoreCase).Select(g => g.OrderByDescending(e => e.Help.Length).First())
            .OrderBy(e => e.Word == "<cr>" ? 1 : 0).ThenBy(e => e.Word, StringComparer.Ordinal)];
    }

    /// <summary>The words that complete the partial last word of <paramref name="typed"/> (Tab).</summary>
    public IReadOnlyList<string> Completions(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        return [.. Help(typed).Select(e => e.Word).Where(w => !w.StartsWith('<') && w != "WORD" && w != "A.B.C.D" && w != "LINE" && !w.StartsWith('"') && w != "A.B.C.D/LEN")];
    }

    private bool ExecuteExec(string line, int indent, int lineNumber)
    {
        var (command, filterText, filterColumn) = SplitFilter(line);
        var resolution = ExecResolution.Resolve(ExecCommandsHere(inConfiguration: false), command);
        if (resolution.Command is null)
        {
            return Refuse(resolution.Problem!, indent + resolution.Column, lineNumber);
        }

        return RunExec(resolution, filterText, indent + filterColumn, lineNumber);
    }

    private bool ExecuteInConfiguration(string line, int indent, int lineNumber)
    {
        var first = line.Split(' ', 2)[0];
        var session = SessionWord(first);
        if (session == "do" && _profile.HasConfigurationMode)
        {
            var rest = line[first.Length..];
            var offset = first.Length + (rest.Length - rest.TrimStart().Length);
            var (command, filterText, filterColumn) = SplitFilter(rest.TrimStart());
            var resolution = ExecResolution.Resolve(ExecCommandsHere(inConfiguration: false), command);
            return resolution.Command is null
                ? Refuse(resolution.Problem!, indent + offset + resolution.Column, lineNumber)
                : RunExec(resolution, filterText, indent + offset + filterColumn, lineNumber);
        }

        if (session == "end" && line.Trim().Equals(first, StringComparison.Ordinal))
        {
            EndConfiguration();
            return true;
        }

        if (session == "exit" && line.Trim().Equals(first, StringComparison.Ordinal))
        {
            if (_uncommitted)
            {
                _output.WriteLine("warning: the candidate configuration has changes that were not committed; they are dropped");
                Reread();
                _uncommitted = false;
            }

            if (_context.Count > 0)
            {
                _context = _context.Take(_context.Count - 1).ToList();
            }
            else if (_profile.HasConfigurationMode)
            {
                Configuring = false;
            }
            else
            {
                Ended = true;
            }

            return true;
        }

        // Junos's commit, rollback and show of the candidate.
        if (_profile.ConfigurationCommands.Count > 0)
        {
            var (command, filterText, filterColumn) = SplitFilter(line);
            var resolution = ExecResolution.Resolve(_profile.ConfigurationCommands, command);
            if (resolution.Command is not null)
            {
                return RunExec(resolution, filterText, indent + filterColumn, lineNumber);
            }
        }

        // ASA's show and write, ScreenOS's get and save: exec commands typed where configuration is.
        if (_profile.ShowsInConfigurationMode || !_profile.HasConfigurationMode)
        {
            var (command, filterText, filterColumn) = SplitFilter(line);
            var resolution = ExecResolution.Resolve(ExecCommandsHere(inConfiguration: true), command);
            if (resolution.Command is not null)
            {
                return RunExec(resolution, filterText, indent + filterColumn, lineNumber);
            }
        }

        return ApplyConfiguration(line, indent, lineNumber);
    }

    private bool ApplyConfiguration(string line, int indent, int lineNumber)
    {
        Refresh();
        var expansion = Expand(line);
        if (expansion.Ambiguity is { } ambiguity)
        {
            return Refuse(ambiguity, indent, lineNumber);
        }

        var outcome = _editor.Apply(_current, _context, expansion);
        foreach (var problem in outcome.Problems)
        {
            Report(problem, indent, lineNumber);
        }

        if (!outcome.Accepted)
        {
            return false;
        }

        if (outcome.NewText is { } candidate && candidate.Render() != _current.Text.Render() && _profile.CommitsOnRequest)
        {
            _current = LoadedConfiguration.Of(candidate, Path, _profile.Dialect);
            _uncommitted = true;
        }
        else if (outcome.NewText is { } text && text.Render() != _current.Text.Render())
        {
            var committed = _store.Commit(_version, text.Render());
            if (!committed.Ok)
            {
                _output.WriteLine("% not applied: " + committed.Message.Replace("\n", "\n% ", StringComparison.Ordinal));
                Reread();
                return false;
            }

            _current = LoadedConfiguration.Of(text, Path, _profile.Dialect);
            _version = committed.Version ?? _version;
        }

        if (outcome.Note is { } note)
        {
            _output.WriteLine("% " + note);
        }

        _context = outcome.Context;
        return true;
    }

    // `no ...` whose rule has no `no` form in the grammar: write out the rest and put the `no` back.
    private Expansion Expand(string line)
    {
        var rules = RuleIndexes();
        var expansion = _profile.Grammar.Expand(line, rules);
        var words = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (expansion.Valid || words.Length < 2 || !string.Equals(words[0], _profile.NegationWord, StringComparison.OrdinalIgnoreCase))
        {
            return expansion;
        }

        var restStart = line.IndexOf(words[1], words[0].Length, StringComparison.Ordinal);
        var rest = _profile.Grammar.Expand(words[1], rules);
        if (rest.Ambiguity is not null || rest.Edits.Count == 0)
        {
            return rest.Ambiguity is null ? expansion : rest with { Edits = [.. rest.Edits.Select(e => e with { Start = e.Start + restStart })] };
        }

        var edits = rest.Edits.Select(e => e with { Start = e.Start + restStart }).ToList();
        return new Expansion(line, line[..restStart] + rest.Text, edits, rest.Valid, null);
    }

    private IReadOnlyList<int> RuleIndexes() =>
        [.. _context.Reverse().Select(f => f.Mode.RuleIndex).Where(r => r >= 0), _profile.GlobalRuleIndex];

    /// <summary>The session command a word names, as <c>do</c>, <c>end</c> or <c>exit</c> (Junos's <c>run</c> and <c>quit</c> too), or null.</summary>
    private string? SessionWord(string word)
    {
        string? found = null;
        if (_sessionWords.Contains(word, StringComparer.OrdinalIgnoreCase))
        {
            found = word.ToLowerInvariant();
        }
        else
        {
            // An abbreviation of a session word that is no keyword of the grammar here (`ex`, not `e`).
            var sessions = _sessionWords.Where(w => w.StartsWith(word, StringComparison.OrdinalIgnoreCase)).ToList();
            var keywords = _profile.Grammar.Completions(word, RuleIndexes()).Where(k => !_sessionWords.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
            found = sessions.Count == 1 && keywords.Count == 0 && word.Length >= 2 ? sessions[0] : null;
        }

        return found switch
        {
            "run" => "do",
            "quit" => "exit",
            _ => found,
        };
    }

    private string? SplitDo(string typed)
    {
        var first = typed.Split(' ', 2)[0];
        return typed.Contains(' ', StringComparison.Ordinal) && SessionWord(first) == "do" ? typed[first.Length..].TrimStart() : null;
    }

    private IEnumerable<ExecCommand> ExecCommandsHere(bool inConfiguration) =>
        inConfiguration && _profile.HasConfigurationMode ? _profile.ExecCommands.Where(c => c.AlsoInConfigurationMode) : _profile.ExecCommands;

    private (string Command, string? Filter, int FilterColumn) SplitFilter(string line)
    {
        // Junos's `| display set`: the console keeps Junos configurations in that form already.
        if (_profile.Dialect == Dialect.Junos)
        {
            line = System.Text.RegularExpressions.Regex.Replace(line, @"\|\s*display\s+set\b", match => new string(' ', match.Length), System.Text.RegularExpressions.RegexOptions.CultureInvariant).TrimEnd();
        }

        var bar = line.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (line, null, 0) : (line[..bar], line[bar..], bar);
    }

    private bool RunExec(ExecResolution resolution, string? filterText, int filterColumn, int lineNumber)
    {
        IReadOnlyList<FilterStep> filters = [];
        if (filterText is not null)
        {
            try
            {
                filters = _profile.Filters.ParseChain(filterText, filterColumn);
            }
            catch (FilterSyntaxException bad)
            {
                return Refuse(bad.Message, bad.Column, lineNumber, DiagnosticCatalog.InvalidOutputFilter.Code);
            }
        }

        string? output;
        switch (resolution.Command!.Action)
        {
            case ExecAction.ConfigureTerminal:
                Configuring = true;
                _context = [];
                _output.WriteLine(_profile.CommitsOnRequest ? "Entering configuration mode\n\n[edit]" : "Enter configuration commands, one per line.  End with CNTL/Z.");
                return true;
            case ExecAction.Commit:
                return Commit();
            case ExecAction.CommitCheck:
                _output.WriteLine(_current.Errors.Any() ? "error: the candidate configuration has errors" : "configuration check succeeds");
                return !_current.Errors.Any();
            case ExecAction.Rollback:
                Reread();
                _uncommitted = false;
                _output.WriteLine("load complete");
                return true;
            case ExecAction.ShowCandidate:
                output = RunningText;
                break;
            case ExecAction.Exit:
                Ended = true;
                return true;
            case ExecAction.Enable:
            case ExecAction.TerminalSetting:
                return true;
            case ExecAction.WriteMemory:
                Refresh();
                var written = _store.Write();
                _output.WriteLine(written.Ok ? "Building configuration...\n" + written.Message + "\n[OK]" : "% " + written.Message);
                return written.Ok;
            case ExecAction.ShowHistory:
                output = string.Join('\n', _history) + "\n";
                break;
            case ExecAction.ShowRunningConfig:
                Refresh();
                output = RunningText;
                break;
            case ExecAction.ShowStartupConfig:
                output = File.Exists(Path) ? File.ReadAllText(Path) : $"% {Path}: no such file\n";
                break;
            case ExecAction.ShowAlgs:
                output = LiveStateFormatter.Algs(_store.Live(out _), _current.Load.Bound?.Policy);
                break;
            case ExecAction.ShowServicePolicy:
                output = LiveStateFormatter.ServicePolicy(_store.Live(out _), _current.Load.Bound?.Policy, resolution.Values.FirstOrDefault());
                break;
            default:
                if (_store.Live(out var unavailable) is not { } state)
                {
                    _output.WriteLine("% " + unavailable);
                    return false;
                }

                output = resolution.Command.Action switch
                {
                    ExecAction.ShowTranslations => LiveStateFormatter.NatTranslations(state, verbose: false),
                    ExecAction.ShowTranslationsVerbose => LiveStateFormatter.NatTranslations(state, verbose: true),
                    ExecAction.ShowNatStatistics => LiveStateFormatter.NatStatistics(state),
                    ExecAction.ShowXlate => LiveStateFormatter.Xlate(state),
                    ExecAction.ShowConnections => _profile.Dialect == Dialect.ScreenOs ? LiveStateFormatter.Sessions(state) : LiveStateFormatter.Connections(state),
                    ExecAction.ShowCalls => LiveStateFormatter.Calls(state),
                    _ => string.Empty,
                };
                break;
        }

        var lines = output.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        foreach (var shown in OutputFilter.Apply(lines, filters))
        {
            _output.WriteLine(shown);
        }

        return true;
    }

    /// <summary>Junos's <c>commit</c>: the candidate becomes the running configuration (and, on a file alone, the file).</summary>
    private bool Commit()
    {
        if (!_uncommitted)
        {
            _output.WriteLine("commit complete");
            return true;
        }

        var committed = _store.Commit(_version, RunningText);
        if (committed.Ok && !_store.IsLive)
        {
            committed = _store.Write();
        }

        if (!committed.Ok)
        {
            _output.WriteLine("error: " + committed.Message.Replace("\n", "\nerror: ", StringComparison.Ordinal));
            _output.WriteLine("error: configuration check-out failed; the candidate is kept ('rollback' drops it)");
            return false;
        }

        _version = _store.CurrentVersion();
        _uncommitted = false;
        _output.WriteLine("commit complete");
        return true;
    }

    /// <summary>Takes another console's change (or a reload) before this one edits.</summary>
    private void Refresh()
    {
        // A Junos candidate with changes is compared with the running configuration at commit, not before.
        if (!_uncommitted && _store.CurrentVersion() != _version)
        {
            Reread();
            _output.WriteLine($"% the running configuration was changed by another session or a reload; read it again (version {_version})");
        }
    }

    private void Reread()
    {
        var stored = _store.Read();
        _version = stored.Version;
        _current = LoadedConfiguration.Of(ConfigText.Parse(stored.Text), Path, _profile.Dialect);
    }

    private bool Refuse(string message, int column, int lineNumber, string? code = null)
    {
        WriteCaret(column, 1);
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"% {SourceName}({lineNumber},{column + 1}): error {code ?? DiagnosticCatalog.InvalidConsoleCommand.Code}: {message}"));
        return false;
    }

    private void Report(LineProblem problem, int indent, int lineNumber)
    {
        var d = problem.Diagnostic;
        var severity = d.Severity == DiagnosticSeverity.Error ? "error" : d.Severity == DiagnosticSeverity.Warning ? "warning" : "info";
        if (problem.TypedColumn is { } column)
        {
            WriteCaret(indent + column, problem.TypedWidth);
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"% {SourceName}({lineNumber},{indent + column + 1}): {severity} {d.Code}: {d.Message}"));
        }
        else
        {
            _output.WriteLine("% " + problem.Rendered!.Replace("\n", "\n% ", StringComparison.Ordinal));
        }
    }

    // Under the typed line, which stands after the prompt: the device's caret.
    private void WriteCaret(int column, int width) =>
        _output.WriteLine(new string(' ', Prompt.Length + column) + new string('^', Math.Max(1, width)));
}
