using System.Text;

namespace Alg.Host;

/// <summary>Enum names as status and metrics print them (kebab-case, as <c>alg replay</c> does).</summary>
internal static class StatusNames
{
    public static string Kebab(string pascal)
    {
        var builder = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
