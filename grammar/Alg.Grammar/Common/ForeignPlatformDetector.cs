using System.Text.RegularExpressions;

namespace Alg.Grammar.Common;

/// <summary>
/// Recognises files that look like Cisco configurations but are not ones Alg reads — NX-OS, Arista EOS, or the
/// output of a <c>show</c> command — so they get one clear diagnostic instead of being linted line by line as IOS.
/// </summary>
/// <remarks>Only lines no supported dialect can contain count: a guess here would hide a real IOS file.</remarks>
public static partial class ForeignPlatformDetector
{
    private const int LinesToScan = 2000;

    public static ForeignPlatform? Detect(string content)
    {
        var lineNumber = 0;
        var inNamedAcl = false;
        foreach (var line in Lines(content))
        {
            if (++lineNumber > LinesToScan)
            {
                break;
            }

            if (line.StartsWith("!Command: show ", StringComparison.Ordinal) || line.StartsWith("!Running configuration last done at", StringComparison.Ordinal))
            {
                return new("an NX-OS configuration", lineNumber, line.Trim());
            }

            if (line.StartsWith("! Command: show ", StringComparison.Ordinal) || line.StartsWith("! device: ", StringComparison.Ordinal))
            {
                return new("an Arista EOS configuration", lineNumber, line.Trim());
            }

            if (NxosOnlyCommand().IsMatch(line))
            {
                return new("an NX-OS configuration", lineNumber, line.Trim());
            }

            if (AsaShowAccessList().IsMatch(line))
            {
                return new("the output of 'show access-list' on an ASA, not a configuration", lineNumber, line.Trim());
            }

            if (IosShowAccessLists().IsMatch(line))
            {
                return new("the output of 'show ip access-lists', not a configuration", lineNumber, line.Trim());
            }

            if (line.StartsWith("ip access-list ", StringComparison.Ordinal) || line.StartsWith("ipv6 access-list ", StringComparison.Ordinal))
            {
                inNamedAcl = true;
                continue;
            }

            if (inNamedAcl && line.Length > 0 && char.IsWhiteSpace(line[0]))
            {
                if (PrefixLengthAclEntry().IsMatch(line))
                {
                    return new("an NX-OS or Arista EOS configuration (access-list entries name prefix lengths, which IOS does not accept)", lineNumber, line.Trim());
                }

                continue;
            }

            inNamedAcl = false;
        }

        return null;
    }

    // `feature bgp`, `vdc NAME id 1`, `boot nxos ...`: commands of NX-OS alone.
    [GeneratedRegex(@"^(feature [a-z][a-z0-9-]*\s*$|vdc \S+ id \d+|boot nxos )", RegexOptions.CultureInvariant)]
    private static partial Regex NxosOnlyCommand();

    // `access-list NAME; 2 elements; name hash: 0x...` and entries with `(hitcnt=0)`.
    [GeneratedRegex(@"^access-list \S+(; \d+ elements;| line \d+ .*\(hitcnt=\d+\))", RegexOptions.CultureInvariant)]
    private static partial Regex AsaShowAccessList();

    [GeneratedRegex(@"^(Standard|Extended|Reflexive) IP access list \S+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex IosShowAccessLists();

    [GeneratedRegex(@"^\s+(\d+\s+)?(permit|deny)\s+\S+\s+(\d{1,3}\.){3}\d{1,3}/\d{1,2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixLengthAclEntry();

    private static IEnumerable<string> Lines(string content)
    {
        var start = 0;
        while (start < content.Length)
        {
            var end = content.IndexOf('\n', start);
            if (end < 0)
            {
                end = content.Length;
            }

            yield return content[start..end].TrimEnd('\r');
            start = end + 1;
        }
    }
}
