using Alg.Compiler.Output;
using Alg.DeviceConsole.Dialects;
using Alg.DeviceConsole.Grammar;
using Alg.Grammar;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;

namespace Alg.DeviceConsole.Editing;

/// <summary>
/// Applies one configuration line, typed in a mode, to the candidate configuration text, the way the device applies it
/// to its running configuration: the line is read in the modes the console is in (an inner mode that rejects it is
/// left, as on the device); a block header enters its block (created when new); a line replaces the lines it
/// supersedes — the same setting (the binder's setting keys), a single-valued command's old value, its own negation —
/// and a negation (<c>no …</c>, <c>unset …</c>) removes what it names, staying in the text only where it changes the
/// policy (<c>no ip nat service sip udp port 5060</c> turns a default off). The result is loaded whole; a line that
/// brings an error the configuration did not have changes nothing.
/// </summary>
internal sealed class CandidateEditor(DialectProfile profile, string path)
{
    private const string ConsoleSource = "console";

    public EditOutcome Apply(LoadedConfiguration current, IReadOnlyList<ContextFrame> context, Expansion expansion)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(expansion);
        var line = expansion.Text.Trim();
        var typedOffset = expansion.Text.Length - expansion.Text.TrimStart().Length;
        var words = ConfigText.Words(line);
        var negation = words.Length > 1 && string.Equals(words[0], profile.NegationWord, StringComparison.OrdinalIgnoreCase);

        var reading = ReadInContext(context, line, expansion, typedOffset);
        if (reading.SessionCommand)
        {
            return EditOutcome.Refused(context, [Problem($"'{words[0]}' is an exec command, not configuration: in configuration mode type '{profile.ExecPrefix} {line}'", typedOffset)]);
        }

        var removalOnly = false;
        if (reading.Problems.Any(p => p.IsError))
        {
            // `no interface Loopback0`: the grammar knows the command, not always its negation; the positive form says where it belongs.
            if (!negation)
            {
                return EditOutcome.Refused(context, reading.Problems);
            }

            var positive = Positive(words);
            var positiveReading = ReadInContext(context, positive, expansion, typedOffset + line.Length - positive.Length, mapColumns: false);
            if (positiveReading.Problems.Any(p => p.IsError))
            {
                return EditOutcome.Refused(context, reading.Problems);
            }

            reading = positiveReading with { OpensMode = null };
            removalOnly = true;
        }

        var target = context.Take(Math.Max(0, context.Count - reading.Closed)).ToList();
        var (config, header, created) = Resolve(current, target);
        if (header < 0)
        {
            return EditOutcome.Refused(context, [Problem($"the block '{target[^1].Header}' could not be found or made again in the configuration")]);
        }

        EditOutcome Outcome(ConfigText? text, IReadOnlyList<ContextFrame> newContext, IReadOnlyList<LineProblem> problems, string? note = null) =>
            new(true, text ?? (created ? config.Text : null), newContext, problems, note);

        if (reading.OpensMode is { } mode)
        {
            var entered = target.Append(new ContextFrame(line, mode)).ToList();
            if (config.FindHeader(header, line) > 0)
            {
                return Outcome(null, entered, reading.Problems);
            }

            var opened = Candidate.Of(config).Insert(HeaderPosition(config, header), Indent(target.Count) + line);
            return Finish(current, opened, entered, expansion, typedOffset, reading.Problems);
        }

        var candidate = Candidate.Of(config);
        if (negation)
        {
            var positiveWords = ConfigText.Words(Positive(words));
            var named = config.ChildrenOf(header).Where(l => StartsWith(config.Text.Lines[l - 1], positiveWords)).ToList();
            if (named.Count > 0)
            {
                var withoutNamed = candidate.Remove(named.SelectMany(l => BlockLines(config, l)));
                var without = withoutNamed.Load(path, profile);
                if (removalOnly)
                {
                    return FinishLoaded(current, without, target, expansion, typedOffset, reading.Problems);
                }

                // The negation may still say something once what it names is gone (a default it turns off).
                var withNegation = Candidate.Of(without.Config).Insert(ChildPosition(without.Config, Resolve(without.Config, target).Header), Indent(target.Count) + line).Load(path, profile);
                var keep = withNegation.Config.Fingerprint is { } kept && kept != without.Config.Fingerprint && !NewErrors(current, withNegation.Config).Any();
                return FinishLoaded(current, keep ? withNegation : without, target, expansion, typedOffset, reading.Problems);
            }

            if (removalOnly)
            {
                return Outcome(null, target, reading.Problems, $"nothing to remove: no line here starts with '{Positive(words)}'");
            }
        }
        else if (config.ChildrenOf(header).Any(l => ConfigText.Normalize(config.Text.Lines[l - 1]) == ConfigText.Normalize(line)))
        {
            return Outcome(null, target, reading.Problems);
        }

        var replaced = negation ? [] : config.ChildrenOf(header).Where(l => Undoes(config.Text.Lines[l - 1], words) || SameSingleValue(config.Text.Lines[l - 1], words)).ToList();
        var edited = candidate.Remove(replaced.SelectMany(l => BlockLines(config, l)));

        // A new value takes the old one's place (`hostname` stays first); anything else goes after the block's lines.
        var position = replaced.Count == 1 && !config.IsHeader(replaced[0])
            ? replaced[0] - 1
            : ChildPosition(config, header) - replaced.Count(l => l <= ChildPosition(config, header));
        var loaded = edited.Insert(position, Indent(target.Count) + line).Load(path, profile);
        loaded = Supersede(loaded);
        if (negation && loaded.NewLine > 0)
        {
            var without = loaded.Candidate.Remove([loaded.NewLine]).Load(path, profile);
            if (without.Config.Fingerprint is { } bare && bare == loaded.Config.Fingerprint)
            {
                return FinishLoaded(current, without, target, expansion, typedOffset, reading.Problems);
            }
        }

        return FinishLoaded(current, loaded, target, expansion, typedOffset, reading.Problems);
    }

    /// <summary>The refusal a line gets before it is read (an ambiguous abbreviation), shaped like the loader's.</summary>
    public static LineProblem Problem(string message, int column = 0) =>
        new(new Diagnostic(DiagnosticCatalog.InvalidConsoleCommand, DiagnosticSeverity.Error, new SourceSpan(ConsoleSource, 1, column + 1, 1, column + 2), message), column, 1, null);

    private string Positive(string[] words) =>
        profile.AssertionWord is { } assertion ? assertion + " " + string.Join(' ', words.Skip(1)) : string.Join(' ', words.Skip(1));

    private static string Indent(int depth) => new(' ', depth);

    private static bool StartsWith(string line, string[] prefix)
    {
        var words = ConfigText.Words(line);
        return words.Length >= prefix.Length && prefix.Select((w, i) => string.Equals(w, words[i], StringComparison.OrdinalIgnoreCase)).All(b => b);
    }

    // A stored negation of what is now typed (`no ip nat service sip udp port 5060` when `ip nat service sip udp port 5060` comes).
    private bool Undoes(string stored, string[] typed)
    {
        var words = ConfigText.Words(stored);
        if (words.Length == 0 || !string.Equals(words[0], profile.NegationWord, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var positive = ConfigText.Words(Positive(words));
        return positive.Length == typed.Length && positive.Select((w, i) => string.Equals(w, typed[i], StringComparison.OrdinalIgnoreCase)).All(b => b);
    }

    private bool SameSingleValue(string stored, string[] typed)
    {
        var words = ConfigText.Words(stored);
        foreach (var pattern in profile.SingleValued)
        {
            if (Fits(pattern, typed) && Fits(pattern, words) && typed.Take(pattern.Length).SequenceEqual(words.Take(pattern.Length), StringComparer.OrdinalIgnoreCase)
                && !typed.Contains("secondary", StringComparer.OrdinalIgnoreCase) && !words.Contains("secondary", StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;

        static bool Fits(string[] pattern, string[] line) =>
            line.Length > pattern.Length && pattern.Select((p, i) => p == "*" || string.Equals(p, line[i], StringComparison.OrdinalIgnoreCase)).All(b => b);
    }

    /// <summary>Reads the line after the headers of the modes the console is in, as the device would: where it lands, what it opens, what is wrong with it.</summary>
    private ContextReading ReadInContext(IReadOnlyList<ContextFrame> context, string line, Expansion expansion, int typedOffset, bool mapColumns = true)
    {
        var lines = context.Select((f, i) => Indent(i) + f.Header).Append(Indent(context.Count) + line).ToList();
        var lineNumber = lines.Count;
        var diagnostics = new DiagnosticBag();
        var trace = new ModeTrace();
        var ast = ConfigurationParser.Parse(new SourceText(ConsoleSource, string.Join('\n', lines) + "\n"), profile.Dialect, diagnostics, trace);
        var session = ast is not null && Statements(ast.Statements).Any(s => s is SessionCommand && s.Span.Line == lineNumber);
        var problems = diagnostics.Items
            .Where(d => d.Span.Line == lineNumber && (d.Severity == DiagnosticSeverity.Error || d.Code == DiagnosticCatalog.UnrecognizedLine.Code))
            .Select(d => d.Code == DiagnosticCatalog.UnrecognizedLine.Code ? d with { Severity = DiagnosticSeverity.Error } : d)
            .Select(d => OnTypedLine(d, context.Count, expansion, typedOffset, mapColumns))
            .ToList();
        var read = trace[lineNumber];
        if (read is null)
        {
            return new ContextReading(problems, 0, null, session);
        }

        var opens = read.Open.Length > 1 && read.Open[^1].HeaderLine == lineNumber ? read.Open[^1].Mode : null;
        return new ContextReading(problems, read.Closed, opens, session);
    }

    private static IEnumerable<Statement> Statements(IEnumerable<Statement> statements) =>
        statements.SelectMany(s => s is BlockStatement block ? Statements(block.Children).Prepend(s) : [s]);

    private static LineProblem OnTypedLine(Diagnostic diagnostic, int indent, Expansion expansion, int typedOffset, bool mapColumns)
    {
        var expanded = Math.Max(0, diagnostic.Span.Column - 1 - indent);
        var column = mapColumns ? expansion.TypedColumn(expanded + typedOffset) : typedOffset;
        var width = diagnostic.Span.EndLine == diagnostic.Span.Line ? Math.Max(1, diagnostic.Span.EndColumn - diagnostic.Span.Column) : 1;
        return new LineProblem(diagnostic, column, width, null);
    }

    /// <summary>The configuration with the blocks of <paramref name="target"/> present (made when missing) and the innermost one's header.</summary>
    private (LoadedConfiguration Config, int Header, bool Created) Resolve(LoadedConfiguration config, IReadOnlyList<ContextFrame> target)
    {
        var parent = 0;
        var created = false;
        for (var depth = 0; depth < target.Count; depth++)
        {
            var header = config.FindHeader(parent, target[depth].Header);
            if (header == 0)
            {
                // Another console removed the block this one is in: typing in it makes it again, as entering it would.
                config = Candidate.Of(config).Insert(HeaderPosition(config, parent), Indent(depth) + target[depth].Header).Load(path, profile).Config;
                header = config.FindHeader(parent, target[depth].Header);
                created = true;
                if (header == 0)
                {
                    return (config, -1, created);
                }
            }

            parent = header;
        }

        return (config, parent, created);
    }

    // A new block goes after the last line of the block it is in; in the global mode before the closing `end`.
    private static int HeaderPosition(LoadedConfiguration config, int parent)
    {
        if (parent > 0)
        {
            return config.BlockEnd(parent);
        }

        var end = config.TrailingEnd();
        return end > 0 ? end - 1 : config.Text.Lines.Count;
    }

    // A line goes after the block's own lines and before its sub-blocks, so the device reads it in the block's mode.
    private static int ChildPosition(LoadedConfiguration config, int parent)
    {
        if (parent == 0)
        {
            return HeaderPosition(config, 0);
        }

        var last = parent;
        for (var line = parent + 1; line <= config.BlockEnd(parent); line++)
        {
            if (config.Trace[line] is null)
            {
                continue;
            }

            if (config.IsHeader(line))
            {
                break;
            }

            if (config.ParentOf(line) == parent)
            {
                last = line;
            }
        }

        return last;
    }

    private static IEnumerable<int> BlockLines(LoadedConfiguration config, int line) =>
        config.IsHeader(line) ? Enumerable.Range(line, config.BlockEnd(line) - line + 1) : [line];

    /// <summary>Removes every other line whose settings the new line sets again (the binder's keys: the later line wins on the device).</summary>
    private LoadedCandidate Supersede(LoadedCandidate loaded)
    {
        if (loaded.NewLine <= 0 || loaded.Config.Load.Bound is not { } bound)
        {
            return loaded;
        }

        var settings = bound.Settings.Where(s => s.Span.File == path).ToList();
        var keys = settings.Where(s => s.Span.Line == loaded.NewLine).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return loaded;
        }

        var superseded = settings
            .GroupBy(s => s.Span.Line)
            .Where(g => g.Key != loaded.NewLine && g.All(s => keys.Contains(s.Key)))
            .Select(g => g.Key)
            .ToList();
        return superseded.Count == 0 ? loaded : loaded.Candidate.Remove(superseded).Load(path, profile);
    }

    private EditOutcome Finish(LoadedConfiguration current, Candidate candidate, IReadOnlyList<ContextFrame> context, Expansion expansion, int typedOffset, IReadOnlyList<LineProblem> problems) =>
        FinishLoaded(current, candidate.Load(path, profile), context, expansion, typedOffset, problems);

    private EditOutcome FinishLoaded(LoadedConfiguration current, LoadedCandidate loaded, IReadOnlyList<ContextFrame> context, Expansion expansion, int typedOffset, IReadOnlyList<LineProblem> problems)
    {
        var config = loaded.Config;
        var source = config.Load.Source;
        var indent = context.Count;
        var found = new List<LineProblem>();
        foreach (var error in NewErrors(current, config))
        {
            found.Add(error.Span.Line == loaded.NewLine
                ? OnTypedLine(error, indent, expansion, typedOffset, mapColumns: true)
                : new LineProblem(error, null, 1, DiagnosticTextRenderer.Render(error, source)));
        }

        if (found.Count > 0)
        {
            return EditOutcome.Refused(context, found);
        }

        var warnings = config.Load.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Warning && d.Span.Line == loaded.NewLine && loaded.NewLine > 0)
            .Select(d => OnTypedLine(d, indent, expansion, typedOffset, mapColumns: true));
        return new EditOutcome(true, config.Text, context, [.. problems.Where(p => !p.IsError), .. warnings]);
    }

    private static IEnumerable<Diagnostic> NewErrors(LoadedConfiguration before, LoadedConfiguration after)
    {
        static string Key(Diagnostic d, LoadedConfiguration config) =>
            $"{d.Code}|{d.Message}|{(d.Span.Line > 0 && d.Span.Line <= config.Text.Lines.Count ? ConfigText.Normalize(config.Text.Lines[d.Span.Line - 1]) : string.Empty)}";
        var known = before.Errors.Select(d => Key(d, before)).ToHashSet(StringComparer.Ordinal);
        return after.Errors.Where(d => !known.Contains(Key(d, after)));
    }
}
