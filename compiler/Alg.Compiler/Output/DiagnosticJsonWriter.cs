using System.Text;
using System.Text.Json;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Output;

/// <summary>`--format json`: an array of {file, line, column, endLine, endColumn, severity, code, message}.</summary>
public static class DiagnosticJsonWriter
{
    public static string Write(IEnumerable<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var diagnostic in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("file", diagnostic.Span.File);
                json.WriteNumber("line", diagnostic.Span.Line);
                json.WriteNumber("column", diagnostic.Span.Column);
                json.WriteNumber("endLine", diagnostic.Span.EndLine);
                json.WriteNumber("endColumn", diagnostic.Span.EndColumn);
                json.WriteString("severity", DiagnosticTextRenderer.SeverityName(diagnostic.Severity));
                json.WriteString("code", diagnostic.Code);
                json.WriteString("message", diagnostic.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
