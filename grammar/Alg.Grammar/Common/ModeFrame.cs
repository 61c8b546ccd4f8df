namespace Alg.Grammar.Common;

/// <summary>One open configuration mode and the line that opened it (0: the global mode).</summary>
public sealed record ModeFrame(ParserMode Mode, int HeaderLine);
