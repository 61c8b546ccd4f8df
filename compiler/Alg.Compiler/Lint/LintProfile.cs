using System.Text.Json;
using System.Text.RegularExpressions;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;

namespace Alg.Compiler.Lint;

/// <summary>
/// A <c>.alg-lint.json</c> file: per-rule severities for every file, and overrides for files matching globs,
/// the way CI linters are tuned per path. It changes what <c>alg lint</c> reports, never what a gateway loads:
/// <c>alg run</c>, <c>alg replay</c> and reloads still refuse a configuration with errors.
/// </summary>
/// <remarks>
/// <code>
/// {
///   "rules": { "ALG3003": "off" },
///   "overrides": [ { "files": ["lab/**", "*.ref"], "rules": { "ALG1001": "off", "ALG3012": "error" } } ]
/// }
/// </code>
/// Severities are <c>off</c>, <c>info</c>, <c>warning</c>, <c>error</c>. Globs are matched against the linted file's
/// path relative to the profile's folder (<c>*</c> within a folder, <c>**</c> across folders, <c>?</c> one character);
/// the last matching override wins.
/// </remarks>
public sealed class LintProfile
{
    public const string FileName = ".alg-lint.json";

    private readonly Dictionary<string, DiagnosticSeverity?> _rules;
    private readonly List<(Regex[] Files, Dictionary<string, DiagnosticSeverity?> Rules)> _overrides;

    private LintProfile(string path, Dictionary<string, DiagnosticSeverity?> rules, List<(Regex[], Dictionary<string, DiagnosticSeverity?>)> overrides)
    {
        Path = path;
        _rules = rules;
        _overrides = overrides;
    }

    public string Path { get; }

    /// <summary>The nearest <see cref="FileName"/> in <paramref name="directory"/> or a folder above it.</summary>
    public static string? Find(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = System.IO.Path.Combine(current.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <returns>The profile, or null with the reasons in <paramref name="diagnostics"/>.</returns>
    public static LintProfile? Load(string path, DiagnosticBag diagnostics)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidLintProfile, new SourceSpan(path, 1, 1, 1, 1), $"cannot read it: {e.Message}");
            return null;
        }

        return Parse(path, text, diagnostics);
    }

    public static LintProfile? Parse(string path, string text, DiagnosticBag diagnostics)
    {
        var before = diagnostics.Items.Count;
        var source = new SourceText(path, text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            diagnostics.Add(DiagnosticCatalog.InvalidLintProfile, new SourceSpan(path, line, column, line, column + 1), "it is not valid JSON: " + FirstSentence(e.Message));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            var fileSpan = new SourceSpan(path, 1, 1, 1, 1);
            if (root.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(DiagnosticCatalog.InvalidLintProfile, fileSpan, "the top level must be an object with \"rules\" and \"overrides\"");
                return null;
            }

            var rules = new Dictionary<string, DiagnosticSeverity?>(StringComparer.Ordinal);
            var overrides = new List<(Regex[], Dictionary<string, DiagnosticSeverity?>)>();
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "rules":
                        rules = ReadRules(property.Value, source, diagnostics, "rules");
                        break;
                    case "overrides" when property.Value.ValueKind == JsonValueKind.Array:
                        foreach (var entry in property.Value.EnumerateArray())
                        {
                            ReadOverride(entry, source, diagnostics, overrides);
                        }

                        break;
                    default:
                        diagnostics.Add(DiagnosticCatalog.InvalidLintProfile, Locate(source, property.Name), $"unknown key \"{property.Name}\" (expected \"rules\" or an \"overrides\" array)");
                        break;
                }
            }

            return diagnostics.Items.Count > before ? null : new LintProfile(path, rules, overrides);
        }
    }

    /// <summary>The diagnostics of one linted file as this profile wants them reported; dropped ones are counted.</summary>
    public IReadOnlyList<Diagnostic> Apply(string lintedFile, IReadOnlyList<Diagnostic> diagnostics, out int suppressed)
    {
        var relative = System.IO.Path.GetRelativePath(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!, System.IO.Path.GetFullPath(lintedFile)).Replace('\\', '/');
        var applicable = _overrides.Where(o => o.Files.Any(glob => glob.IsMatch(relative))).Select(o => o.Rules).ToList();
        var result = new List<Diagnostic>(diagnostics.Count);
        suppressed = 0;
        foreach (var diagnostic in diagnostics)
        {
            var found = _rules.TryGetValue(diagnostic.Code, out var severity);
            foreach (var rules in applicable)
            {
                if (rules.TryGetValue(diagnostic.Code, out var overridden))
                {
                    (found, severity) = (true, overridden);
                }
            }

            if (!found)
            {
                result.Add(diagnostic);
            }
            else if (severity is { } level)
            {
                result.Add(diagnostic with { Severity = level });
            }
            else
            {
                suppressed++;
            }
        }

        return result;
    }

    private static void ReadOverride(JsonElement entry, SourceText source, DiagnosticBag diagnostics, List<(Regex[], Dictionary<string, DiagnosticSeverity?>)> into)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array
            || !entry.TryGetProperty("rules", out var rules))
        {
            diagnostics.Add(DiagnosticCatalog.InvalidLintProfile, Locate(source, "overrides"), "each override needs \"files\" (an array of globs) and \"rules\"");
            return;
        }

        var globs = files.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => Glob(f.GetString()!)).ToArray();
        into.Add((globs, ReadRules(rules, source, diagnostics, "overrides")));
    }

    private static Dictionary<string, DiagnosticSeverity?> ReadRules(JsonElement rules, SourceText source, DiagnosticBag diagnostics, string where)
    {
        var result = new Dictionary<string, DiagnosticSeverity?>(StringComparer.Ordinal);
        if (rules.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidLintProfile, Locate(source, where), "\"rules\" must be an object of code: severity");
            return result;
        }

        var known = DiagnosticCatalog.All.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in rules.EnumerateObject())
        {
            if (!known.Contains(rule.Name))
            {
                diagnostics.Add(DiagnosticCatalog.InvalidLintProfile, Locate(source, rule.Name), $"\"{rule.Name}\" is not a diagnostic code{Alg.Grammar.Common.Suggestions.DidYouMean(rule.Name, known)}");
                continue;
            }

            switch (rule.Value.ValueKind == JsonValueKind.String ? rule.Value.GetString() : null)
            {
                case "off":
                    result[rule.Name] = null;
                    break;
                case "info":
                    result[rule.Name] = DiagnosticSeverity.Info;
                    break;
                case "warning":
                    result[rule.Name] = DiagnosticSeverity.Warning;
                    break;
                case "error":
                    result[rule.Name] = DiagnosticSeverity.Error;
                    break;
                default:
                    diagnostics.Add(DiagnosticCatalog.InvalidLintProfile, Locate(source, rule.Name), $"the severity of {rule.Name} must be \"off\", \"info\", \"warning\" or \"error\"");
                    break;
            }
        }

        return result;
    }

    // JsonElement keeps no positions; the first occurrence of the quoted key is where the user looks.
    private static SourceSpan Locate(SourceText source, string key)
    {
        var at = source.Content.IndexOf($"\"{key}\"", StringComparison.Ordinal);
        if (at < 0)
        {
            return new SourceSpan(source.Path, 1, 1, 1, 1);
        }

        var line = source.Content.AsSpan(0, at).Count('\n') + 1;
        var column = at - source.Content.LastIndexOf('\n', Math.Max(0, at - 1)) ;
        return new SourceSpan(source.Path, line, column, line, column + key.Length + 2);
    }

    private static Regex Glob(string glob)
    {
        var pattern = Regex.Escape(glob.Replace('\\', '/'))
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);

        // A glob without a folder matches the file's name in any folder, as .gitignore does.
        return new Regex(glob.Contains('/', StringComparison.Ordinal) ? $"^{pattern}$" : $"(^|/){pattern}$", RegexOptions.CultureInvariant);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
