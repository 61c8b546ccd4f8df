namespace Alg.Grammar.Common;

/// <summary>The leading words that identify a device command, lower case (e.g. "snmp-server", "ip nat").</summary>
/// <param name="OpensBlock">For an ignored command: it opens a sub-mode whose indented lines are ignored with it.</param>
/// <param name="EndsWith">
/// For an ignored block whose lines need not be indented: the word that closes it (IOS reads a certificate's hex
/// lines until <c>quit</c>, whatever their indentation).
/// </param>
public sealed record CommandPrefix(string Words, bool OpensBlock = false, string? EndsWith = null)
{
    public int WordCount { get; } = Words.Count(c => c == ' ') + 1;
}
