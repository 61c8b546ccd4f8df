using Alg.Policy.Model;

namespace Alg.Grammar.Common;

/// <summary>How dialects are spelt on the command line and in output.</summary>
public static class DialectNames
{
    public static string Option(Dialect dialect) => dialect switch
    {
        Dialect.Ios => "ios",
        Dialect.Asa => "asa",
        Dialect.ScreenOs => "screenos",
        Dialect.Junos => "junos",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };

    public static string Display(Dialect dialect) => dialect switch
    {
        Dialect.Ios => "Cisco IOS",
        Dialect.Asa => "Cisco ASA",
        Dialect.ScreenOs => "Juniper ScreenOS",
        Dialect.Junos => "Juniper Junos",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect)),
    };

    public static bool TryParse(string text, out Dialect dialect)
    {
        foreach (var candidate in Enum.GetValues<Dialect>())
        {
            if (string.Equals(Option(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                dialect = candidate;
                return true;
            }
        }

        dialect = default;
        return false;
    }
}
