using Alg.Policy.Model;

namespace Alg.Grammar.Common;

/// <summary>Guesses a configuration's dialect from lines only one dialect writes.</summary>
/// <remarks>
/// Decisive markers (the <c>ASA Version</c> banner, Junos's <c>set security</c>) settle it at once;
/// otherwise each dialect's typical commands are counted over the first lines and the highest count wins.
/// IOS is the fallback: its commands are the common ground of the Cisco family.
/// </remarks>
public static class DialectDetector
{
    private const int LinesToScan = 5000;

    public static (Dialect Dialect, bool Evident) Detect(string content)
    {
        int ios = 0, asa = 0, screenOs = 0, junos = 0;
        var lineNumber = 0;
        foreach (var rawLine in EnumerateLines(content))
        {
            if (++lineNumber > LinesToScan)
            {
                break;
            }

            var line = StripPrompt(rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (StartsWith(line, "ASA Version") || StartsWith(line, "PIX Version") || StartsWith(line, "FWSM Version"))
            {
                return (Dialect.Asa, true);
            }

            // Curly-brace Junos (`show configuration`): a top-level hierarchy opening a block, or `version X;`.
            if (rawLine.Length > 0 && !char.IsWhiteSpace(rawLine[0]) && JunosTopLevelBlock(line))
            {
                return (Dialect.Junos, true);
            }

            if (StartsWith(line, "set security ") || StartsWith(line, "set system host-name") || StartsWith(line, "set interfaces ")
                || StartsWith(line, "set routing-options") || StartsWith(line, "set firewall ") || StartsWith(line, "set applications "))
            {
                junos++;
            }
            else if (StartsWith(line, "set alg ") || StartsWith(line, "unset alg ") || StartsWith(line, "set zone ")
                || StartsWith(line, "set policy ") || StartsWith(line, "set vrouter ") || StartsWith(line, "set address ")
                || (StartsWith(line, "set interface ") && (line.Contains(" zone ", StringComparison.Ordinal) || line.Contains(" mip ", StringComparison.Ordinal) || line.Contains(" dip ", StringComparison.Ordinal)))
                || StartsWith(line, "unset interface ") || StartsWith(line, "set service "))
            {
                screenOs++;
            }
            else if (StartsWith(line, "nameif ") || StartsWith(line, "security-level ") || StartsWith(line, "object network ")
                || StartsWith(line, "policy-map global_policy") || StartsWith(line, "inspect ") || StartsWith(line, "no inspect ")
                || StartsWith(line, "timeout xlate") || StartsWith(line, "timeout conn") || StartsWith(line, "timeout sip")
                || StartsWith(line, "fixup protocol") || StartsWith(line, "class inspection_default") || StartsWith(line, "global (")
                || StartsWith(line, "nat (") || StartsWith(line, "static (") || StartsWith(line, "access-group ")
                || StartsWith(line, "service-policy global_policy") || StartsWith(line, ": Saved")
                || (StartsWith(line, "access-list ") && line.Contains(" extended ", StringComparison.Ordinal)))
            {
                asa++;
            }
            else if (StartsWith(line, "ip nat ") || StartsWith(line, "no ip nat ") || StartsWith(line, "ip access-list ")
                || StartsWith(line, "ip route ") || StartsWith(line, "ip address ") || StartsWith(line, "ip inspect ")
                || StartsWith(line, "router ") || StartsWith(line, "version 1"))
            {
                ios++;
            }
        }

        var best = Math.Max(Math.Max(ios, asa), Math.Max(screenOs, junos));
        if (best == 0)
        {
            return (Dialect.Ios, false);
        }

        return best == asa ? (Dialect.Asa, true)
            : best == junos ? (Dialect.Junos, true)
            : best == screenOs ? (Dialect.ScreenOs, true)
            : (Dialect.Ios, true);
    }

    private static readonly string[] JunosHierarchies =
    [
        "system", "interfaces", "security", "firewall", "policy-options", "protocols", "routing-options", "snmp", "chassis",
        "vlans", "applications", "groups", "services", "routing-instances", "forwarding-options", "class-of-service", "event-options",
    ];

    private static bool JunosTopLevelBlock(string line)
    {
        var text = line.StartsWith("replace: ", StringComparison.Ordinal) ? line["replace: ".Length..] : line.StartsWith("inactive: ", StringComparison.Ordinal) ? line["inactive: ".Length..] : line;
        if (text.StartsWith("version ", StringComparison.Ordinal) && text.EndsWith(';'))
        {
            return true;
        }

        return text.EndsWith(" {", StringComparison.Ordinal) && JunosHierarchies.Contains(text[..^2], StringComparer.Ordinal);
    }

    private static bool StartsWith(string line, string prefix) => line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    private static string StripPrompt(string line)
    {
        var normalized = TranscriptNormalizer.Normalize(line);
        return normalized.EndsWith(" |", StringComparison.Ordinal) ? normalized[..^2] : normalized;
    }

    private static IEnumerable<string> EnumerateLines(string content)
    {
        var start = 0;
        while (start < content.Length)
        {
            var end = content.IndexOfAny(['\r', '\n'], start);
            if (end < 0)
            {
                yield return content[start..];
                yield break;
            }

            yield return content[start..end];
            start = end + 1;
        }
    }
}
