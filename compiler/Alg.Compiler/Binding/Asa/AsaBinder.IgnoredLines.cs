using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>
/// Lines Alg ignores (VPN, management, routing) still use access lists: a crypto map's <c>match address</c>, a
/// group policy's <c>split-tunnel-network-list</c> and <c>vpn-filter</c>, a route-map's <c>match ip address</c>,
/// <c>aaa ... match</c>, a routing <c>distribute-list</c>, WCCP lists. They are recorded as uses so an ACL used
/// only there is not reported unused. Interfaces such lines name are not recorded: a fragment of a
/// configuration (no interface blocks) would then get false "undefined interface" errors, and an ACL the file
/// does not define is left alone for the same reason. <c>nat-control</c>, valid and otherwise ignored, changes
/// what passes, so it gets a "not modelled" warning.
/// </summary>
public sealed partial class AsaBinder
{
    private void BindIgnoredLines(ConfigurationAst ast)
    {
        foreach (var ignored in ast.Ignored)
        {
            var text = ast.Source.GetLine(ignored.Span.Line);
            var words = Words(text);
            if (words.Count == 0)
            {
                continue;
            }

            var first = words[0].Text.ToLowerInvariant();
            if (first == "nat-control")
            {
                // PIX / ASA < 8.3: with nat-control, a connection that matches no NAT rule is refused.
                _context.Diagnostics.Add(
                    DiagnosticCatalog.NotModelled, ignored.Span, "nat-control",
                    "the device drops connections that match no NAT rule (nat 0 or static identity rules let them through); Alg forwards them untranslated");
                continue;
            }

            var aclIndex = first switch
            {
                // crypto map NAME SEQ match address ACL
                "crypto" when words.Count >= 7 && Is(words, 1, "map") && Is(words, 4, "match") && Is(words, 5, "address") => 6,
                // split-tunnel-network-list value ACL, ipv6-split-tunnel-network-list value ACL, vpn-filter value ACL
                "split-tunnel-network-list" or "ipv6-split-tunnel-network-list" or "vpn-filter" or "filter" when Is(words, 1, "value") => 2,
                // match ip address ACL (route-map); prefix-lists are not ACLs
                "match" when words.Count >= 4 && Is(words, 1, "ip") && Is(words, 2, "address") && !Is(words, 3, "prefix-list") => 3,
                // aaa authentication|authorization|accounting match ACL IF SERVER
                "aaa" when words.Count >= 4 && Is(words, 2, "match") => 3,
                // distribute-list ACL in|out (router mode)
                "distribute-list" => 1,
                _ => -1,
            };
            if (first == "wccp")
            {
                ReferenceAfter(words, "redirect-list", ignored.Span);
                ReferenceAfter(words, "group-list", ignored.Span);
            }

            if (aclIndex >= 0 && aclIndex < words.Count)
            {
                Reference(words[aclIndex], ignored.Span, first);
            }
        }
    }

    private void ReferenceAfter(List<(string Text, int Column)> words, string keyword, SourceSpan line)
    {
        var at = words.FindIndex(w => string.Equals(w.Text, keyword, StringComparison.OrdinalIgnoreCase));
        if (at >= 0 && at + 1 < words.Count)
        {
            Reference(words[at + 1], line, "wccp");
        }
    }

    // Only a defined ACL: a VPN line naming a list the file lacks is not what this linter checks.
    private void Reference((string Text, int Column) word, SourceSpan line, string usage)
    {
        if (_context.References.IsDefined(ReferenceKind.Acl, word.Text))
        {
            var span = new SourceSpan(line.File, line.Line, word.Column, line.Line, word.Column + word.Text.Length);
            _context.References.Reference(ReferenceKind.Acl, word.Text, span, usage);
        }
    }

    private static bool Is(List<(string Text, int Column)> words, int index, string keyword) =>
        index < words.Count && string.Equals(words[index].Text, keyword, StringComparison.OrdinalIgnoreCase);

    // Words of a line with their 1-based columns.
    private static List<(string Text, int Column)> Words(string line)
    {
        var words = new List<(string, int)>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add((line[start..i], start + 1));
            }
        }

        return words;
    }
}
