using System.Collections.Immutable;

namespace Alg.Grammar.Common;

/// <summary>How the mode machine read one line.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Closed">How many modes the line closed before it was read (a line an inner mode rejects leaves it).</param>
/// <param name="Open">The modes open after the line, global first; a block header's own mode is the last.</param>
public sealed record ModeTraceLine(int Line, int Closed, ImmutableArray<ModeFrame> Open);
