namespace Alg.Grammar.Common;

/// <summary>One open configuration mode: its name ("interface", "policy-map class") and the line that opened it (0: global).</summary>
public sealed record ModeFrame(string Mode, int HeaderLine);
