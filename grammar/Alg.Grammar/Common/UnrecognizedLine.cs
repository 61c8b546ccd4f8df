using Alg.Policy.Text;

namespace Alg.Grammar.Common;

/// <summary>A line no rule of its mode (nor any enclosing mode) accepts. It is reported and skipped.</summary>
/// <param name="Mode">The configuration mode the line was read in, e.g. "global" or "interface".</param>
public sealed record UnrecognizedLine(string Text, string Mode, SourceSpan Span);
