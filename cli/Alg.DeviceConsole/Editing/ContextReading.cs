using Alg.Grammar.Common;

namespace Alg.DeviceConsole.Editing;

/// <summary>How the device reads a typed line in the console's modes: its problems, how many modes it leaves, the mode it enters.</summary>
/// <param name="SessionCommand">The line is a terminal session's (<c>show …</c>, <c>conf t</c>, <c>enable</c>): the loader
/// skips those in a pasted file, but typed in configuration mode they are exec commands, never configuration.</param>
internal sealed record ContextReading(IReadOnlyList<LineProblem> Problems, int Closed, ParserMode? OpensMode, bool SessionCommand = false);
