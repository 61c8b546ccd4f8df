using Antlr4.Runtime;

namespace Alg.Grammar.Common;

/// <summary>A configuration mode of a device CLI and the parser rule that reads one line in it.</summary>
/// <param name="Name">The mode's name as a user would say it ("interface", "policy-map class").</param>
/// <param name="RuleIndex">The parser's index of that rule, whose FIRST set lets most lines skip a mode unparsed.</param>
/// <param name="ParseLine">Calls the mode's <c>*_line</c> entry rule on a parser positioned at a line.</param>
/// <param name="IgnoresOtherIndentedLines">
/// The mode's entry rule reads only the lines Alg needs (an IOS <c>router</c> or <c>line</c> block names the ACLs
/// and route-maps it uses among dozens of settings that do not bear on the policy); any other indented line of
/// the block is valid on the device and loads silently, as an ignored block's would.
/// </param>
public sealed record ParserMode(string Name, int RuleIndex, Func<Parser, ParserRuleContext> ParseLine, bool IgnoresOtherIndentedLines = false)
{
    /// <summary>The mode of an ignored block: it swallows indented lines and nothing else.</summary>
    public static readonly ParserMode IgnoredBlock = new("ignored block", -1, static _ => throw new InvalidOperationException("not parsed"));
}
