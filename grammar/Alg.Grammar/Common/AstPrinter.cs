using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using Alg.Policy.Text;

namespace Alg.Grammar.Common;

/// <summary>
/// Prints any AST as indented text, one node a line with its line number, for golden files and `alg ast`.
/// </summary>
/// <remarks>Reflection over the records keeps the printer in step with the AST without per-node code.</remarks>
public static class AstPrinter
{
    public static string Print(ConfigurationAst ast)
    {
        var builder = new StringBuilder();
        builder.Append("dialect ").Append(DialectNames.Option(ast.Dialect)).Append('\n');
        foreach (var statement in ast.Statements)
        {
            PrintNode(builder, statement, 0);
        }

        foreach (var ignored in ast.Ignored)
        {
            builder.Append(CultureInfo.InvariantCulture, $"ignored @{ignored.Span.Line} {ignored.Command}\n");
        }

        foreach (var line in ast.Unrecognized)
        {
            builder.Append(CultureInfo.InvariantCulture, $"unrecognized @{line.Span.Line} [{line.Mode}] {line.Text}\n");
        }

        return builder.ToString();
    }

    private static void PrintNode(StringBuilder builder, Statement node, int depth)
    {
        builder.Append(' ', depth * 2).Append(node.GetType().Name).Append(" @").Append(node.Span.Line.ToString(CultureInfo.InvariantCulture));
        var children = ImmutableArray<Statement>.Empty;
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name is "Span" or "EqualityContract")
            {
                continue;
            }

            var value = property.GetValue(node);
            if (property.Name == "Children" && value is ImmutableArray<Statement> nested)
            {
                children = nested;
                continue;
            }

            if (value is null || (value is bool flag && !flag) || (value is ICollection { Count: 0 }))
            {
                continue;
            }

            builder.Append(' ').Append(KebabCase.From(property.Name)).Append('=').Append(Format(value));
        }

        builder.Append('\n');
        foreach (var child in children)
        {
            PrintNode(builder, child, depth + 1);
        }
    }

    private static string Format(object value)
    {
        switch (value)
        {
            case string text:
                var escaped = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
                return escaped.Contains(' ', StringComparison.Ordinal) || escaped.Length == 0 ? $"\"{escaped}\"" : escaped;
            case bool:
                return "true";
            case SourceSpan span:
                return span.ToString();
            case IEnumerable sequence:
                var items = new List<string>();
                foreach (var item in sequence)
                {
                    items.Add(item is null ? "null" : Format(item));
                }

                return "[" + string.Join(", ", items) + "]";
            default:
                var type = value.GetType();
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Located<>))
                {
                    return Format(type.GetProperty("Value")!.GetValue(value)!);
                }

                if (type.IsValueType || type.Namespace?.StartsWith("Alg.Policy", StringComparison.Ordinal) == true)
                {
                    return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                }

                return FormatRecord(value);
        }
    }

    private static string FormatRecord(object value)
    {
        var parts = new List<string>();
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == "EqualityContract")
            {
                continue;
            }

            var inner = property.GetValue(value);
            if (inner is null || (inner is bool flag && !flag))
            {
                continue;
            }

            parts.Add(KebabCase.From(property.Name) + "=" + Format(inner));
        }

        return "{" + string.Join(" ", parts) + "}";
    }
}
