using System.Globalization;
using System.Text;

namespace Alg.Benchmarks.FrontEnd;

/// <summary>
/// An SRX configuration of a given size, in both forms Junos prints: `display set` lines and the curly-brace
/// hierarchy (the same configuration) — address book, security policies, source NAT, zones, ALG settings.
/// </summary>
public static class SyntheticJunosConfig
{
    public static string GenerateSet(int lines)
    {
        var text = new StringBuilder(lines * 96);
        foreach (var line in SetLines(lines))
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The same configuration as <see cref="GenerateSet"/>, as `show configuration` prints it (about 1.6× the lines).</summary>
    public static string GenerateCurly(int setLines)
    {
        var blocks = Count(setLines);
        var text = new StringBuilder(setLines * 80);
        text.Append("system {\n    host-name srx-bench;\n}\n");
        text.Append("interfaces {\n    ge-0/0/0 {\n        unit 0 {\n            family inet {\n                address 203.0.113.1/24;\n            }\n        }\n    }\n");
        text.Append("    ge-0/0/1 {\n        unit 0 {\n            family inet {\n                address 10.0.0.1/16;\n            }\n        }\n    }\n}\n");
        text.Append("security {\n    address-book {\n        global {\n");
        for (var i = 0; i < blocks; i++)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"            address H{i} 10.0.{i % 250}.{(i / 250 % 250) + 1}/32;\n"));
        }

        text.Append("        }\n    }\n    alg {\n        sip disable;\n    }\n    nat {\n        source {\n            rule-set out {\n");
        text.Append("                from zone trust;\n                to zone untrust;\n");
        for (var i = 0; i < blocks; i++)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"                rule r{i} {{\n                    match {{\n                        source-address-name H{i};\n                    }}\n                    then {{\n                        source-nat {{\n                            interface;\n                        }}\n                    }}\n                }}\n"));
        }

        text.Append("            }\n        }\n    }\n    policies {\n        from-zone trust to-zone untrust {\n");
        for (var i = 0; i < blocks; i++)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"            policy p{i} {{\n                match {{\n                    source-address H{i};\n                    destination-address any;\n                    application [ junos-http junos-https ];\n                }}\n                then {{\n                    permit;\n                }}\n            }}\n"));
        }

        text.Append("        }\n    }\n    zones {\n        security-zone untrust {\n            interfaces {\n                ge-0/0/0.0;\n            }\n        }\n");
        text.Append("        security-zone trust {\n            interfaces {\n                ge-0/0/1.0;\n            }\n        }\n    }\n}\n");
        return text.ToString();
    }

    private static int Count(int lines) => Math.Max(1, (lines - 9) / 8);

    private static IEnumerable<string> SetLines(int lines)
    {
        yield return "set system host-name srx-bench";
        yield return "set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.1/24";
        yield return "set interfaces ge-0/0/1 unit 0 family inet address 10.0.0.1/16";
        yield return "set security alg sip disable";
        yield return "set security nat source rule-set out from zone trust";
        yield return "set security nat source rule-set out to zone untrust";
        var blocks = Count(lines);
        for (var i = 0; i < blocks; i++)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"set security address-book global address H{i} 10.0.{i % 250}.{(i / 250 % 250) + 1}/32");
            yield return string.Create(CultureInfo.InvariantCulture, $"set security nat source rule-set out rule r{i} match source-address-name H{i}");
            yield return string.Create(CultureInfo.InvariantCulture, $"set security nat source rule-set out rule r{i} then source-nat interface");
            yield return string.Create(CultureInfo.InvariantCulture, $"set security policies from-zone trust to-zone untrust policy p{i} match source-address H{i}");
            yield return string.Create(CultureInfo.InvariantCulture, $"set security policies from-zone trust to-zone untrust policy p{i} match destination-address any");
            yield return string.Create(CultureInfo.InvariantCulture, $"set security policies from-zone trust to-zone untrust policy p{i} match application junos-http");
            yield return string.Create(CultureInfo.InvariantCulture, $"set security policies from-zone trust to-zone untrust policy p{i} match application junos-https");
            yield return string.Create(CultureInfo.InvariantCulture, $"set security policies from-zone trust to-zone untrust policy p{i} then permit");
        }

        yield return "set security zones security-zone untrust interfaces ge-0/0/0.0";
        yield return "set security zones security-zone trust interfaces ge-0/0/1.0";
    }
}
