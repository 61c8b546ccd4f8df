using System.Text.RegularExpressions;
using Alg.Grammar.Common;
using Alg.Grammar.ScreenOs.Ast;

namespace Alg.Compiler.Binding;

/// <summary>
/// Tells the device family of a ScreenOS configuration from what the file itself shows: a product name in a
/// header comment (RANCID and hand-kept backups carry the <c>get system</c> product line, e.g.
/// <c>!Product Name: SSG5-Serial</c>), or interfaces only the SSG line and the small NetScreens have (slot 0
/// <c>ethernet0/N</c>, <c>bgroup</c>, <c>wireless</c>, <c>adsl</c>, <c>serial</c>, NetScreen-5GT <c>trust</c>/<c>untrust</c>).
/// The hostname is not evidence: it is whatever the administrator typed.
/// </summary>
public static partial class ScreenOsPlatformDetector
{
    /// <summary>Header comments are read only at the top of the file, where backups put them.</summary>
    private const int HeaderLines = 50;

    public static ScreenOsPlatformFamily Detect(ConfigurationAst ast)
    {
        var source = ast.Source;
        for (var line = 1; line <= Math.Min(HeaderLines, source.LineCount); line++)
        {
            var text = source.GetLine(line).TrimStart();
            if (text.Length == 0 || (text[0] != '#' && text[0] != '!'))
            {
                continue;
            }

            if (HighEndProduct().IsMatch(text))
            {
                return ScreenOsPlatformFamily.HighEnd;
            }

            if (BranchProduct().IsMatch(text))
            {
                return ScreenOsPlatformFamily.Branch;
            }
        }

        foreach (var statement in ast.Statements)
        {
            var name = statement switch
            {
                ScreenOsInterfaceZone zone => zone.Interface.Value,
                ScreenOsInterfaceAddress address => address.Interface.Value,
                _ => null,
            };
            if (name is not null && BranchInterface().IsMatch(name))
            {
                return ScreenOsPlatformFamily.Branch;
            }
        }

        return ScreenOsPlatformFamily.Unknown;
    }

    [GeneratedRegex(@"\b(ISG[- ]?(1000|2000)|(NS|NetScreen)[- ]?(2000|5000|5200|5400))\b", RegexOptions.IgnoreCase)]
    private static partial Regex HighEndProduct();

    [GeneratedRegex(@"\b(SSG[- ]?\d+|(NS|NetScreen)[- ]?(5GT|5XT|5XP|25|50|204|208|500))", RegexOptions.IgnoreCase)]
    private static partial Regex BranchProduct();

    [GeneratedRegex(@"^(ethernet0/\d+(\.\d+)?|bgroup\d+|wireless\d+/\d+|adsl\d+/\d+|serial\d+/\d+|trust|untrust)$", RegexOptions.IgnoreCase)]
    private static partial Regex BranchInterface();
}
