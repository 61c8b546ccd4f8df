using System.Text;

namespace Alg.Policy.Text;

/// <summary>How every output names an identifier or enum value: PascalCase to kebab-case ("DynamicPat" → "dynamic-pat"),
/// so text, JSON, golden files, status and metrics all spell it the same way.</summary>
public static class KebabCase
{
    public static string From(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
