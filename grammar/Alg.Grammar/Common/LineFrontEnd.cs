using System.Collections.Immutable;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;

namespace Alg.Grammar.Common;

/// <summary>
/// Reads a configuration the way the device CLI does: one line at a time, in a stack of modes.
/// </summary>
/// <remarks>
/// <para>A line is parsed with the entry rule of the innermost mode; if that rule rejects it, the enclosing
/// modes are tried in turn and a match there closes the inner blocks (IOS and ASA behave this way, which is
/// why indentation carries no meaning). A line no mode accepts is looked up among the dialect's
/// recognised-but-ignored commands; failing that it becomes an <see cref="UnrecognizedLine"/>: a warning,
/// or an error when it is one of the commands Alg models (NAT, ALG, inspect, timeout) and so cannot be
/// skipped without changing the policy. Parsing always goes on with the next line.</para>
/// <para>Tokens are pulled from the lexer one line at a time, so memory holds one line's tokens plus the AST.</para>
/// </remarks>
public abstract partial class LineFrontEnd
{
    /// <summary>Above this many unrecognised lines only a count is kept, so garbage input cannot grow memory.</summary>
    public const int MaxReportedUnrecognized = 1000;

    /// <summary>Longer lines are not parsed; no device accepts a command this long.</summary>
    public const int MaxLineLength = 16 * 1024;

    private const int MaxRememberedRejections = 4096;

    /// <summary>Below this many characters (about 1,000 lines) a file is read by one thread: a second one would not pay for itself.</summary>
    private const int MinParallelLength = 64 * 1024;

    private ModeTrace? _trace;

    public abstract Dialect Dialect { get; }

    /// <summary>The last parse was read by two threads (for tests that must see the hand-over happen).</summary>
    internal bool HandedOver { get; private set; }

    protected abstract ParserMode GlobalMode { get; }

    /// <summary>Commands valid on the device that do not affect the policy; they load silently.</summary>
    protected abstract CommandPrefixTable IgnoredCommands { get; }

    /// <summary>Commands Alg models: a line of these that does not parse is an error, not a warning.</summary>
    protected abstract CommandPrefixTable ModelledCommands { get; }

    protected abstract Lexer CreateLexer(ICharStream input);

    protected abstract Parser CreateParser(ITokenStream tokens);

    /// <summary>
    /// Whether <paramref name="later"/>, a parser that started in the middle of the file knowing nothing of the lines
    /// before, read its lines as it would have after those <paramref name="earlier"/> read: a dialect whose parser
    /// remembers something from line to line says.
    /// </summary>
    protected virtual bool ReadsAsAfter(Parser later, Parser earlier) => true;

    /// <summary>Builds the statement (or block) for a line accepted by a mode's entry rule.</summary>
    protected abstract LineResult BuildLine(ParserMode mode, ParserRuleContext line, SpanFactory spans, DiagnosticBag diagnostics);

    /// <summary>
    /// Gives the front end the chance to read another form of the text, e.g. the <c>set</c> lines a curly-brace
    /// Junos file stands for; the map takes every position back to the user's file.
    /// </summary>
    protected virtual (string Text, SourceMap? Map) Rewrite(string normalized, DiagnosticBag diagnostics, string path) => (normalized, null);

    public ConfigurationAst Parse(SourceText source, DiagnosticBag diagnostics) => Parse(source, diagnostics, splitAt: null);

    /// <summary>
    /// Parses as <see cref="Parse(SourceText, DiagnosticBag)"/> and records in <paramref name="trace"/> the modes open
    /// after every line: the block structure the device sees, which indentation does not give (a console edits it).
    /// </summary>
    public ConfigurationAst Parse(SourceText source, DiagnosticBag diagnostics, ModeTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return Parse(source, diagnostics, splitAt: null, trace);
    }

    internal ConfigurationAst Parse(SourceText source, DiagnosticBag diagnostics, double? splitAt, ModeTrace? trace)
    {
        if (trace is null)
        {
            return Parse(source, diagnostics, splitAt);
        }

        _trace = trace;
        try
        {
            // One reader: the trace follows the lines in order.
            return Parse(source, diagnostics, splitAt: 0);
        }
        finally
        {
            _trace = null;
        }
    }

    /// <param name="splitAt">
    /// Where to start the second reader, as a fraction of the text (0 or less: no second reader); null lets the
    /// size of the file decide. Tests use it to put the hand-over anywhere and check it changes nothing.
    /// </param>
    internal ConfigurationAst Parse(SourceText source, DiagnosticBag diagnostics, double? splitAt)
    {
        var original = source;
        var normalized = TranscriptNormalizer.Normalize(source.Content);
        var (rewritten, map) = Rewrite(normalized, diagnostics, source.Path);
        if (map is not null)
        {
            normalized = rewritten;
            source = new SourceText(source.Path, rewritten);
        }

        var spans = new SpanFactory(source.Path, map);

        // ANTLR counts lines at '\n' only; a lone CR (old Mac files) becomes LF, same length, same columns.
        if (normalized.Contains('\r', StringComparison.Ordinal))
        {
            normalized = string.Create(normalized.Length, normalized, static (span, text) =>
            {
                for (var i = 0; i < text.Length; i++)
                {
                    span[i] = text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n') ? '\n' : text[i];
                }
            });
        }

        var split = SplitOffset(normalized, splitAt);
        Pass? second = null;
        Thread? worker = null;
        if (split > 0)
        {
            second = new Pass(this, normalized, source, spans, map, new DiagnosticBag(), split, LineNumberAt(normalized, split));
            worker = new Thread(second.RunToEnd) { IsBackground = true, Name = "alg parse (second half)" };
            worker.Start();
        }

        var first = new Pass(this, normalized, source, spans, map, diagnostics, 0, 1);
        first.RunUntil(split > 0 ? split : int.MaxValue);
        if (second is not null)
        {
            if (!first.MayHandOverTo(second))
            {
                second.Cancel();
            }

            worker!.Join();
            if (first.CanHandOverTo(second))
            {
                first.Absorb(second);
                HandedOver = true;
            }
            else
            {
                first.RunUntil(int.MaxValue);
            }
        }

        return first.Finish(original);
    }

    /// <summary>
    /// Two readers, one per half of the file, when the file is long enough to pay for a thread: a configuration
    /// is mostly one-line global commands, so the state at a line in the middle is almost always "global mode,
    /// nothing open", and the second reader can start there. Whether that held is checked when the first reader
    /// arrives (<see cref="Pass.CanHandOverTo"/>); when it did not, the first reader reads on and the second
    /// reader's work is dropped, so the result is always the one-reader result.
    /// </summary>
    private static int SplitOffset(string text, double? splitAt)
    {
        if (splitAt <= 0 || (splitAt is null && (text.Length < MinParallelLength || Environment.ProcessorCount < 2)))
        {
            return -1;
        }

        var offset = (int)(text.Length * (splitAt ?? 0.5));
        offset = Math.Clamp(offset, 1, text.Length);

        // The second reader starts at a line that begins with a letter in the first column: not a comment, a
        // blank or an indented sub-mode line, so it is likely a global command.
        for (var probes = 0; probes < 1000 && offset < text.Length; probes++)
        {
            var newline = text.IndexOf('\n', offset - 1);
            if (newline < 0 || newline + 1 >= text.Length)
            {
                return -1;
            }

            offset = newline + 1;
            if (char.IsAsciiLetter(text[offset]))
            {
                return offset;
            }

            offset++;
        }

        return -1;
    }

    private static int LineNumberAt(string text, int offset) => text.AsSpan(0, offset).Count('\n') + 1;

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");

    private static bool HasPromptAt(string normalized, SourceText source, IToken first) =>
        first.StartIndex < source.Content.Length
        && first.StartIndex >= first.Column
        && source.Content[first.StartIndex - first.Column] != normalized[first.StartIndex - first.Column];

    private static int NewlineTokenType(Parser parser)
    {
        var type = parser.GetTokenType("NEWLINE");
        return type > 0 ? type : throw new InvalidOperationException("grammar has no NEWLINE token");
    }

    /// <summary>Collects the default-channel tokens of the next non-empty line, ending with a NEWLINE token.</summary>
    private static bool ReadLine(Lexer lexer, List<IToken> tokens, int newlineType)
    {
        tokens.Clear();
        while (true)
        {
            var token = lexer.NextToken();
            if (token.Type == TokenConstants.EOF)
            {
                if (tokens.Count == 0)
                {
                    return false;
                }

                var newline = new CommonToken(newlineType, "\n") { Line = token.Line, Column = token.Column, StartIndex = token.StartIndex, StopIndex = token.StartIndex - 1 };
                tokens.Add(newline);
                return true;
            }

            if (token.Channel != TokenConstants.DefaultChannel)
            {
                continue;
            }

            if (token.Type == newlineType)
            {
                if (tokens.Count == 0)
                {
                    continue;
                }

                tokens.Add(token);
                return true;
            }

            // A token's text is cut from the input anew on every read; read it once and keep it, as the
            // command tables, the parser and the AST builder all ask for it.
            if (token is CommonToken common)
            {
                common.Text = common.Text;
            }

            tokens.Add(token);
        }
    }

    private static (int Depth, ParserMode Mode, ParserRuleContext Context)? TryModes(
        Parser parser, Stack<Frame> frames, List<IToken> lineTokens, IntervalSet?[] firstSets, bool skipGlobal, out RecognitionException? deepestFailure)
    {
        deepestFailure = null;
        var depth = 0;
        foreach (var frame in frames)
        {
            if (skipGlobal && frames.Count - depth == 1)
            {
                break;
            }

            if (frame.Mode.RuleIndex >= 0 && !FirstSet(parser, frame.Mode.RuleIndex, firstSets).Contains(lineTokens[0].Type))
            {
                depth++;
                continue;
            }

            var context = TryParse(parser, frame.Mode, lineTokens, retryWithFullLl: !skipGlobal, ref deepestFailure);
            if (context is not null)
            {
                return (depth, frame.Mode, context);
            }

            depth++;
        }

        return null;
    }

    // The same words can be a device setting in one mode and a modelled line in another
    // (`service-policy` on an interface vs in a zone-pair): a sub-mode that can start with the token parses it.
    private static bool StartsASubModeLine(Parser parser, Stack<Frame> frames, ParserMode globalMode, int tokenType, IntervalSet?[] firstSets)
    {
        foreach (var frame in frames)
        {
            if (frame.Mode != globalMode && frame.Mode.RuleIndex >= 0 && FirstSet(parser, frame.Mode.RuleIndex, firstSets).Contains(tokenType))
            {
                return true;
            }
        }

        return false;
    }

    private static IntervalSet FirstSet(Parser parser, int ruleIndex, IntervalSet?[] firstSets) =>
        firstSets[ruleIndex] ??= parser.Atn.NextTokens(parser.Atn.ruleToStartState[ruleIndex]);

    private static ParserRuleContext? TryParse(Parser parser, ParserMode mode, List<IToken> lineTokens, bool retryWithFullLl, ref RecognitionException? deepestFailure)
    {
        if (mode == ParserMode.IgnoredBlock)
        {
            return null;
        }

        // SLL first: it is fast and almost always decides; LL settles the rare line SLL cannot. A line of an
        // ignorable command only gets the SLL try: being wrong costs at most a silent ignore of a line the
        // device would not act on, and most such lines fail, each failure being an exception.
        ReadOnlySpan<PredictionMode> modes = retryWithFullLl ? [PredictionMode.SLL, PredictionMode.LL] : [PredictionMode.SLL];
        foreach (var predictionMode in modes)
        {
            // One token stream for the whole file: a new one per line allocated its 100-token buffer each time.
            var stream = (BufferedTokenStream)parser.TokenStream;
            stream.SetTokenSource(new ListTokenSource(lineTokens));
            parser.TokenStream = stream;
            parser.Interpreter.PredictionMode = predictionMode;
            try
            {
                return mode.ParseLine(parser);
            }
            catch (ParseCanceledException cancelled) when (cancelled.InnerException is RecognitionException recognition)
            {
                if (deepestFailure?.OffendingToken is null
                    || (recognition.OffendingToken is not null && recognition.OffendingToken.TokenIndex > deepestFailure.OffendingToken.TokenIndex))
                {
                    deepestFailure = recognition;
                }
            }
            catch (ParseCanceledException)
            {
            }
        }

        return null;
    }

    private static void ReportMalformed(
        Parser parser, RecognitionException? failure, List<IToken> lineTokens, string modeName, SpanFactory spans, DiagnosticBag diagnostics, SourceSpan lineSpan)
    {
        var offending = failure?.OffendingToken ?? lineTokens[0];
        var text = offending.Type == TokenConstants.EOF || offending.Text == "\n" || offending.Text.Trim().Length == 0 ? "end of line" : offending.Text;

        // A misspelt keyword is the usual cause: compare with every keyword of the dialect first.
        var hint = text == "end of line" ? string.Empty : Suggestions.DidYouMean(text, Keywords(parser));
        if (hint.Length == 0 && failure is InputMismatchException)
        {
            var expected = ExpectedWords(parser, failure);
            if (expected.Count > 0)
            {
                hint = $" (expected {string.Join(", ", expected.Take(8))})";
            }
        }

        var span = offending.Text == "\n" || offending.Type == TokenConstants.EOF ? lineSpan with { Column = lineSpan.EndColumn } : spans.Of(offending);
        diagnostics.Add(DiagnosticCatalog.MalformedLine, span, modeName, text == "end of line" ? "end of line" : text, hint);
    }

    private static IEnumerable<string> Keywords(Parser parser)
    {
        for (var type = 1; type < parser.Atn.maxTokenType + 1; type++)
        {
            var literal = parser.Vocabulary.GetLiteralName(type);
            if (literal is not null)
            {
                yield return literal.Trim('\'');
            }
        }
    }

    private static List<string> ExpectedWords(Parser parser, RecognitionException? failure)
    {
        var result = new List<string>();
        IntervalSet? expected = null;
        try
        {
            expected = failure?.GetExpectedTokens();
        }
        catch (InvalidOperationException)
        {
        }
        catch (ArgumentException)
        {
        }

        if (expected is null)
        {
            return result;
        }

        foreach (var type in expected.ToList())
        {
            var literal = parser.Vocabulary.GetLiteralName(type);
            var symbolic = parser.Vocabulary.GetSymbolicName(type);
            var word = literal ?? symbolic switch
            {
                "DEC" => "a number",
                "IP_ADDRESS" => "an IPv4 address",
                "IP_PREFIX" => "an address/length",
                "NEWLINE" => "end of line",
                "WORD" => "a name",
                "STRING" => "a quoted string",
                "TEXT" => "text",
                _ => symbolic is null ? null : $"'{symbolic.ToLowerInvariant().Replace('_', '-')}'",
            };
            if (word is not null && !result.Contains(word))
            {
                result.Add(word);
            }
        }

        return result;
    }

    private static void Apply(Stack<Frame> frames, LineResult result)
    {
        if (result.Statement is not null)
        {
            frames.Peek().Children.Add(result.Statement);
        }

        if (result.Exit > 0)
        {
            for (var i = 0; i < result.Exit && frames.Count > 1; i++)
            {
                CloseFrame(frames);
            }
        }

        if (result.Opens is not null)
        {
            frames.Push(new Frame(result.Opens, result.BlockFactory));
        }
    }

    private static void CloseFrame(Stack<Frame> frames)
    {
        var frame = frames.Pop();
        if (frame.Factory is not null)
        {
            frames.Peek().Children.Add(frame.Factory(frame.Children.ToImmutable()));
        }
    }

    private sealed class Frame(ParserMode mode, Func<ImmutableArray<Statement>, Statement>? factory, string? terminator = null)
    {
        public ParserMode Mode { get; } = mode;

        /// <summary>For an ignored block that ends at a word rather than at the next unindented line.</summary>
        public string? Terminator { get; } = terminator;

        public Func<ImmutableArray<Statement>, Statement>? Factory { get; } = factory;

        public ImmutableArray<Statement>.Builder Children { get; } = ImmutableArray.CreateBuilder<Statement>();

        /// <summary>The line that opened the mode (0 for the global mode), for a <see cref="ModeTrace"/>.</summary>
        public int HeaderLine { get; set; }
    }
}
