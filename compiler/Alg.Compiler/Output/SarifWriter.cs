using System.Text;
using System.Text.Json;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Output;

/// <summary>
/// `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it — one run, the rules of the catalogue that
/// fired, each result with ruleId, level and a physical location with a region.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Write(IReadOnlyList<Diagnostic> diagnostics, string baseDirectory)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, diagnostics);
            json.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                WriteResult(json, diagnostic, baseDirectory);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<Diagnostic> diagnostics)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "alg");
        json.WriteString("version", typeof(SarifWriter).Assembly.GetName().Version?.ToString() ?? "0.0.0");
        json.WriteStartArray("rules");
        foreach (var descriptor in diagnostics.Select(d => d.Descriptor).DistinctBy(d => d.Code).OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("id", descriptor.Code);
            json.WriteString("name", string.Concat(descriptor.Title.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", descriptor.Title);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(descriptor.Severity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, string baseDirectory)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(diagnostic.Span.File, baseDirectory));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, diagnostic.Span.Line));
        json.WriteNumber("startColumn", Math.Max(1, diagnostic.Span.Column));
        json.WriteNumber("endLine", Math.Max(1, diagnostic.Span.EndLine));
        json.WriteNumber("endColumn", Math.Max(Math.Max(1, diagnostic.Span.Column), diagnostic.Span.EndColumn));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // GitHub resolves relative URIs against the repository root: paths under the working directory are made relative.
    private static string ToUri(string file, string baseDirectory)
    {
        var full = Path.GetFullPath(file);
        var relative = Path.GetRelativePath(baseDirectory, full);
        var path = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        return path.Replace('\\', '/');
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
