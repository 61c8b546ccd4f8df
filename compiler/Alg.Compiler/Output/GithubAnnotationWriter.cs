using System.Text;
using Alg.Policy.Diagnostics;

namespace Alg.Compiler.Output;

/// <summary>`--format github`: workflow commands (<c>::error file=…,line=…,col=…::message</c>) that annotate a pull request.</summary>
public static class GithubAnnotationWriter
{
    public static string Write(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            var command = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            var span = diagnostic.Span;
            builder.Append("::").Append(command)
                .Append(" file=").Append(EscapeProperty(span.File))
                .Append(",line=").Append(Math.Max(1, span.Line))
                .Append(",col=").Append(Math.Max(1, span.Column))
                .Append(",endLine=").Append(Math.Max(1, span.EndLine))
                .Append(",endColumn=").Append(Math.Max(1, span.EndColumn))
                .Append(",title=").Append(EscapeProperty($"{diagnostic.Code} {diagnostic.Descriptor.Title}"))
                .Append("::").Append(EscapeData($"{diagnostic.Code}: {diagnostic.Message}"))
                .Append('\n');
        }

        return builder.ToString();
    }

    // The escapes GitHub's toolkit applies (core/src/command.ts).
    private static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
