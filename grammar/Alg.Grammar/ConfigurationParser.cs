using Alg.Grammar.Asa;
using Alg.Grammar.Common;
using Alg.Grammar.Ios;
using Alg.Grammar.Junos;
using Alg.Grammar.ScreenOs;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar;

/// <summary>Stage 1 and 2 of the pipeline: detect the dialect, parse, and build the dialect's AST.</summary>
public static class ConfigurationParser
{
    /// <summary>Files above this size are refused whole rather than half-read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly Dictionary<Dialect, Func<LineFrontEnd>> FrontEnds = new()
    {
        [Dialect.Ios] = static () => new IosFrontEnd(),
        [Dialect.Asa] = static () => new AsaFrontEnd(),
        [Dialect.ScreenOs] = static () => new ScreenOsFrontEnd(),
        [Dialect.Junos] = static () => new JunosFrontEnd(),
    };

    public static IReadOnlyCollection<Dialect> SupportedDialects => FrontEnds.Keys;

    /// <summary>Parses one file; never throws for bad input, which becomes diagnostics instead.</summary>
    /// <returns>The AST, or null when the input could not be read as a configuration at all.</returns>
    public static ConfigurationAst? Parse(SourceText source, Dialect? dialect, DiagnosticBag diagnostics) => Parse(source, dialect, diagnostics, splitAt: null, out _);

    /// <summary>As <see cref="Parse(SourceText, Dialect?, DiagnosticBag)"/>, recording the modes open after every line.</summary>
    public static ConfigurationAst? Parse(SourceText source, Dialect? dialect, DiagnosticBag diagnostics, ModeTrace? trace) =>
        Parse(source, dialect, diagnostics, splitAt: null, out _, trace);

    /// <param name="splitAt">For tests: where a second reader starts (a fraction of the text; 0 or less: one reader).</param>
    /// <param name="handedOver">For tests: the file was read by two threads.</param>
    internal static ConfigurationAst? Parse(SourceText source, Dialect? dialect, DiagnosticBag diagnostics, double? splitAt, out bool handedOver, ModeTrace? trace = null)
    {
        handedOver = false;
        var fileSpan = new SourceSpan(source.Path, 1, 1, 1, 1);
        if (source.Content.StartsWith('\uFEFF'))
        {
            source = new SourceText(source.Path, source.Content[1..]);
        }

        if (LooksBinary(source.Content))
        {
            diagnostics.Add(DiagnosticCatalog.NotText, fileSpan);
            return null;
        }

        var chosen = dialect;
        if (chosen is null && ForeignPlatformDetector.Detect(source.Content) is { } foreign)
        {
            var line = source.GetLine(foreign.Line);
            diagnostics.Add(DiagnosticCatalog.UnsupportedDialect, new SourceSpan(source.Path, foreign.Line, 1, foreign.Line, line.Length + 1), foreign.Description, $"line {foreign.Line}: '{foreign.Evidence}'");
            return null;
        }

        if (chosen is null)
        {
            var (detected, evident) = DialectDetector.Detect(source.Content);
            chosen = detected;
            if (!evident && source.Content.Trim().Length > 0)
            {
                diagnostics.Add(DiagnosticCatalog.DialectGuessed, fileSpan, DialectNames.Display(detected));
            }
        }

        if (!FrontEnds.TryGetValue(chosen.Value, out var create))
        {
            diagnostics.Add(DiagnosticCatalog.UnsupportedHere, fileSpan, $"the {DialectNames.Display(chosen.Value)} dialect is not supported yet");
            return null;
        }

        var frontEnd = create();
        var ast = frontEnd.Parse(source, diagnostics, splitAt, trace);
        handedOver = frontEnd.HandedOver;
        if (ast.Statements.IsEmpty && ast.Ignored.IsEmpty && ast.Unrecognized.IsEmpty)
        {
            diagnostics.Add(DiagnosticCatalog.EmptyConfiguration, fileSpan, DialectNames.Display(chosen.Value));
        }

        return ast;
    }

    public static ConfigurationAst? ParseFile(string path, Dialect? dialect, DiagnosticBag diagnostics)
    {
        var fileSpan = new SourceSpan(path, 0, 0, 0, 0);
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                diagnostics.Add(DiagnosticCatalog.FileTooLarge, fileSpan, info.Length, MaxFileBytes);
                return null;
            }

            // ReadAllText drops a UTF-8 BOM; invalid UTF-8 becomes U+FFFD rather than an exception.
            var text = File.ReadAllText(path);
            return Parse(new SourceText(path, text), dialect, diagnostics);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.CannotRead, fileSpan, error.Message);
            return null;
        }
    }

    // NUL never appears in a configuration; a run of control characters means a binary file was given.
    private static bool LooksBinary(string content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, 64 * 1024));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if (c < ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\u0003')
            {
                control++;
            }
        }

        return sample.Length > 0 && control * 20 > sample.Length;
    }
}
