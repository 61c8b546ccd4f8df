namespace Alg.Grammar.Common;

/// <summary>The leading words that identify a device command, lower case (e.g. "snmp-server", "ip nat").</summary>
/// <param name="OpensBlock">For an ignored command: it opens a sub-mode whose indented lines are ignored with it.</param>
public sealed record CommandPrefix(string Words, bool OpensBlock = false)
{
    public int WordCount { get; } = Words.Count(c => c == ' ') + 1;
}
