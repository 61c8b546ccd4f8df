using System.Globalization;
using System.Text;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;

namespace Alg.Compiler.Output;

/// <summary>
/// Renders a diagnostic as <c>file(line,col): severity CODE: message</c>, then the source line and a caret
/// under the columns it is about.
/// </summary>
public static class DiagnosticTextRenderer
{
    public static string Render(Diagnostic diagnostic, SourceText? source)
    {
        var builder = new StringBuilder();
        var span = diagnostic.Span;
        var severity = SeverityName(diagnostic.Severity);
        if (span.Line > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{span.File}({span.Line},{span.Column}): {severity} {diagnostic.Code}: {diagnostic.Message}");
        }
        else
        {
            builder.Append(CultureInfo.InvariantCulture, $"{span.File}: {severity} {diagnostic.Code}: {diagnostic.Message}");
        }

        if (source is not null && span.Line > 0 && span.Line <= source.LineCount)
        {
            var line = source.GetLine(span.Line);
            if (line.Length > 200)
            {
                line = line[..200];
            }

            var display = line.Replace('\t', ' ');
            builder.Append('\n').Append("    ").Append(display);
            var start = Math.Clamp(span.Column - 1, 0, display.Length);
            var width = span.EndLine == span.Line ? Math.Max(1, span.EndColumn - span.Column) : Math.Max(1, display.Length - start);
            width = Math.Min(width, Math.Max(1, display.Length - start));
            builder.Append('\n').Append("    ").Append(' ', start).Append('^', width);
        }

        return builder.ToString();
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
