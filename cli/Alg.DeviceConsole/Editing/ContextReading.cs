using Alg.Grammar.Common;

namespace Alg.DeviceConsole.Editing;

/// <summary>How the device reads a typed line in the console's modes: its problems, how many modes it leaves, the mode it enters.</summary>
internal sealed record ContextReading(IReadOnlyList<LineProblem> Problems, int Closed, ParserMode? OpensMode);
