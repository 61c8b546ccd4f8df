using System.Collections.Immutable;
using System.Globalization;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace Alg.Grammar.Common;

public abstract partial class LineFrontEnd
{
    /// <summary>One reader of a stretch of the file, from a line start to the end: its own lexer, parser and modes.</summary>
    /// <remarks>
    /// Readers share nothing mutable but ANTLR's DFA caches, which the runtime updates under locks (Antlr4.Runtime.Standard
    /// 4.13.1: <c>AddDFAEdge</c> locks the state, <c>AddDFAState</c> the DFA, the prediction-context cache is locked too).
    /// </remarks>
    private sealed class Pass
    {
        private readonly LineFrontEnd _owner;
        private readonly string _normalized;
        private readonly SourceText _source;
        private readonly SpanFactory _spans;
        private readonly SourceMap? _map;
        private readonly DiagnosticBag _diagnostics;
        private readonly int _start;
        private readonly int _startLine;
        private readonly Lexer _lexer;
        private readonly Parser _parser;
        private readonly int _newlineType;
        private readonly Stack<Frame> _frames = new();
        private readonly ImmutableArray<IgnoredLine>.Builder _ignored = ImmutableArray.CreateBuilder<IgnoredLine>();
        private readonly ImmutableArray<UnrecognizedLine>.Builder _unrecognized = ImmutableArray.CreateBuilder<UnrecognizedLine>();
        private readonly List<IToken> _lineTokens = [];
        private readonly List<string> _words = [];
        // By rule index; arrays and string keys rather than Dictionary<int, ...> and HashSet<(int, string)>, generic
        // instantiations over value types that ReadyToRun leaves to the JIT at every start.
        private readonly IntervalSet?[] _firstSets;

        // Ignorable lines a sub-mode rejected once (e.g. " no ip redirects" under every interface): the parse
        // depends only on the line's words, so the rejection is remembered instead of paid for again.
        private readonly HashSet<string> _rejectedIgnorable = new(StringComparer.Ordinal);

        private int _unreportedCount;
        private int _linesRead;
        private volatile bool _cancelled;

        // The line in _lineTokens was read but not acted on: the first reader stopped there for the second.
        private bool _pending;
        private bool _pendingStartsClean;

        public Pass(LineFrontEnd owner, string normalized, SourceText source, SpanFactory spans, SourceMap? map, DiagnosticBag diagnostics, int start, int startLine)
        {
            _owner = owner;
            _normalized = normalized;
            _source = source;
            _spans = spans;
            _map = map;
            _diagnostics = diagnostics;
            _start = start;
            _startLine = startLine;
            var input = new AntlrInputStream(normalized);
            input.Seek(start);
            _lexer = owner.CreateLexer(input);
            _lexer.RemoveErrorListeners();
            _lexer.Line = startLine;
            _lexer.Column = 0;
            _parser = owner.CreateParser(new CommonTokenStream(new ListTokenSource([])));
            _parser.RemoveErrorListeners();
            _parser.ErrorHandler = new BailErrorStrategy();
            _newlineType = NewlineTokenType(_parser);
            _firstSets = new IntervalSet?[_parser.RuleNames.Length];
            _frames.Push(new Frame(owner.GlobalMode, null));
        }

        /// <summary>The second reader ran to the end of the file without an exception or a cancel.</summary>
        public bool Completed { get; private set; }

        /// <summary>The reader's first line was a line of a modelled command that the global mode accepted.</summary>
        public bool FirstLineIsGlobal { get; private set; }

        public void Cancel() => _cancelled = true;

        public void RunToEnd()
        {
            try
            {
                RunUntil(int.MaxValue);
                Completed = !_cancelled;
            }
            catch (Exception)
            {
                // Dropped: the first reader then reads this stretch itself and meets the same problem the way
                // a single reader would.
                Completed = false;
            }
        }

        /// <summary>Reads lines until one starts at or after <paramref name="stop"/>, which is kept for later.</summary>
        public void RunUntil(int stop)
        {
            if (_pending)
            {
                _pending = false;
                ProcessLine();
            }

            while (!_cancelled)
            {
                var clean = _lexer.CurrentMode == Lexer.DEFAULT_MODE && _lexer.ModeStack.Count == 0;
                if (!ReadLine(_lexer, _lineTokens, _newlineType))
                {
                    return;
                }

                if (_lineTokens[0].StartIndex >= stop)
                {
                    _pending = true;
                    _pendingStartsClean = clean;
                    return;
                }

                ProcessLine();
            }
        }

        /// <summary>
        /// What the first reader can tell before the second one finishes: its lexer stands at the second reader's
        /// first character in its default mode, and the modes it has open would let that line through to the
        /// global mode.
        /// </summary>
        public bool MayHandOverTo(Pass second)
        {
            if (!_pending || !_pendingStartsClean)
            {
                return false;
            }

            var first = _lineTokens[0];
            if (first.StartIndex != second._start || first.Line != second._startLine || first.Column != 0)
            {
                return false;
            }

            var frames = _frames.ToArray();
            var index = 0;

            // An ignored block ends at a line in the first column, unless it waits for a closing word.
            if (frames[0].Mode == ParserMode.IgnoredBlock)
            {
                if (frames[0].Terminator is not null)
                {
                    return false;
                }

                index = 1;
            }

            // A sub-mode that could take the line would read it differently from the global mode.
            for (; index < frames.Length - 1; index++)
            {
                var mode = frames[index].Mode;
                if (mode.RuleIndex < 0 || FirstSet(_parser, mode.RuleIndex, _firstSets).Contains(first.Type))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The second reader's result is exactly what reading on would give: it started in the state this reader is
        /// in (only the global mode open), or in one this line leaves for the global mode (the line is a modelled
        /// global command, and every open sub-mode rejects its first word); and no cap on reported lines or
        /// diagnostics was reached, since each reader counted only its own.
        /// </summary>
        public bool CanHandOverTo(Pass second)
        {
            if (!second.Completed || !MayHandOverTo(second))
            {
                return false;
            }

            var subModes = _frames.Count(frame => frame.Mode != ParserMode.IgnoredBlock) - 1;
            if (subModes > 0 && !second.FirstLineIsGlobal)
            {
                return false;
            }

            return _unrecognized.Count + second._unrecognized.Count + second._unreportedCount < MaxReportedUnrecognized
                && second._diagnostics.Items.Count < DiagnosticBag.MaxDiagnostics
                && _owner.ReadsAsAfter(second._parser, _parser);
        }

        /// <summary>Appends the second reader's result, closing what the line it started at would have closed.</summary>
        public void Absorb(Pass second)
        {
            _pending = false;
            while (_frames.Count > 1)
            {
                CloseFrame(_frames);
            }

            second.CloseAll();
            _frames.Peek().Children.AddRange(second._frames.Peek().Children);
            _ignored.AddRange(second._ignored);
            _unrecognized.AddRange(second._unrecognized);
            _unreportedCount += second._unreportedCount;
            _diagnostics.AddRange(second._diagnostics.Items);
        }

        public ConfigurationAst Finish(SourceText original)
        {
            CloseAll();
            if (_unreportedCount > 0)
            {
                _diagnostics.Add(DiagnosticCatalog.TooManyUnrecognized, new SourceSpan(original.Path, original.LineCount, 1, original.LineCount, 1), _unreportedCount);
            }

            return new ConfigurationAst(_owner.Dialect, original, _frames.Peek().Children.ToImmutable(), _ignored.ToImmutable(), _unrecognized.ToImmutable());
        }

        private void CloseAll()
        {
            while (_frames.Count > 1)
            {
                CloseFrame(_frames);
            }
        }

        private void ProcessLine()
        {
            if (_owner._trace is not { } trace)
            {
                ProcessLineCore();
                return;
            }

            var before = _frames.ToArray();
            var line = _lineTokens[0].Line;
            ProcessLineCore();
            var after = _frames.ToArray();
            if (after.Length > 0 && after[0].HeaderLine == 0 && after[0].Mode != _owner.GlobalMode && !before.Contains(after[0]))
            {
                after[0].HeaderLine = line;
            }

            // Stacks are top first: the frames both share are the bottom ones.
            var shared = 0;
            while (shared < before.Length && shared < after.Length && ReferenceEquals(before[^(shared + 1)], after[^(shared + 1)]))
            {
                shared++;
            }

            trace.Record(line, before.Length - shared, [.. after.Reverse().Select(f => new ModeFrame(f.Mode, f.HeaderLine))]);
        }

        private void ProcessLineCore()
        {
            var isFirstLine = _linesRead++ == 0;
            var lineTokens = _lineTokens;
            var words = _words;
            var frames = _frames;
            var first = lineTokens[0];
            var lineLength = _source.GetLineSpan(first.Line).Length;
            var lineSpan = _spans.OfLine(first, lineLength);
            if (lineLength > MaxLineLength)
            {
                _diagnostics.Add(DiagnosticCatalog.LineTooLong, lineSpan, lineLength);
                return;
            }

            words.Clear();
            foreach (var token in lineTokens)
            {
                if (token.Type != _newlineType)
                {
                    words.Add(token.Text);
                }
            }

            // Inside an ignored block, indented lines belong to it; a block with a closing word takes every line up to it.
            if (frames.Peek().Mode == ParserMode.IgnoredBlock)
            {
                if (frames.Peek().Terminator is { } terminator)
                {
                    _ignored.Add(new IgnoredLine(string.Join(' ', words), lineSpan));
                    if (string.Equals(words[0], terminator, StringComparison.OrdinalIgnoreCase))
                    {
                        CloseFrame(frames);
                    }

                    return;
                }

                if (first.Column > 0 && (_map is not null || !HasPromptAt(_normalized, _source, first)))
                {
                    _ignored.Add(new IgnoredLine(string.Join(' ', words), lineSpan));
                    return;
                }

                CloseFrame(frames);
            }

            // A command known to be ignorable is not parsed at all: most lines of a real configuration
            // are such commands, and a failed parse costs an exception.
            var ignoredCommand = _owner.IgnoredCommands.Match(words);
            var modelledCommand = _owner.ModelledCommands.Match(words);
            var ignorable = ignoredCommand is not null && (modelledCommand is null || ignoredCommand.WordCount > modelledCommand.WordCount);
            RecognitionException? failure = null;
            (int Depth, ParserMode Mode, ParserRuleContext Context)? outcome = null;
            if (!ignorable || StartsASubModeLine(_parser, frames, _owner.GlobalMode, lineTokens[0].Type, _firstSets))
            {
                // An ignorable command can only be a sub-mode's line; the global mode would reject it anyway.
                var key = ignorable ? frames.Peek().Mode.RuleIndex.ToString(CultureInfo.InvariantCulture) + " " + string.Join(' ', words) : string.Empty;
                if (!ignorable || !_rejectedIgnorable.Contains(key))
                {
                    outcome = TryModes(_parser, frames, lineTokens, _firstSets, skipGlobal: ignorable, out failure);
                    if (ignorable && outcome is null && frames.Count == 2 && _rejectedIgnorable.Count < MaxRememberedRejections)
                    {
                        _rejectedIgnorable.Add(key);
                    }
                }
            }

            if (outcome is not null)
            {
                var (depth, mode, context) = outcome.Value;
                FirstLineIsGlobal = isFirstLine && !ignorable && frames.Count - depth == 1;
                for (var i = 0; i < depth; i++)
                {
                    CloseFrame(frames);
                }

                Apply(frames, _owner.BuildLine(mode, context, _spans, _diagnostics));
                return;
            }

            if (ignorable && ignoredCommand is not null)
            {
                _ignored.Add(new IgnoredLine(ignoredCommand.Words, lineSpan));

                // A block command indented inside a modelled sub-mode is that mode's one-line setting (`crypto map
                // NAME` on an interface): taking the lines after it into an ignored block would drop them unseen.
                var nestedInSubMode = frames.Count > 1 && first.Column > 0;
                if (ignoredCommand.OpensBlock && !nestedInSubMode)
                {
                    frames.Push(new Frame(ParserMode.IgnoredBlock, null, ignoredCommand.EndsWith));
                }

                return;
            }

            var modeName = frames.Peek().Mode.Name;
            // Not a line of a modelled command, though: a misspelt NAT line stays an error wherever it stands.
            if (modelledCommand is null && frames.Peek().Mode.IgnoresOtherIndentedLines && first.Column > 0)
            {
                _ignored.Add(new IgnoredLine(string.Join(' ', words), lineSpan));
                return;
            }

            if (modelledCommand is not null)
            {
                ReportMalformed(_parser, failure, lineTokens, modeName, _spans, _diagnostics, lineSpan);
                _unrecognized.Add(new UnrecognizedLine(_source.GetLine(first.Line).Trim(), modeName, lineSpan));
                return;
            }

            if (_unrecognized.Count < MaxReportedUnrecognized)
            {
                var lineText = _source.GetLine(first.Line).Trim();
                _unrecognized.Add(new UnrecognizedLine(lineText, modeName, lineSpan));
                _diagnostics.Add(DiagnosticCatalog.UnrecognizedLine, lineSpan, modeName, Shorten(lineText));
            }
            else
            {
                _unreportedCount++;
            }
        }
    }
}
