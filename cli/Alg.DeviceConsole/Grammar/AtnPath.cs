using Antlr4.Runtime.Atn;

namespace Alg.DeviceConsole.Grammar;

/// <summary>One way through the grammar: the state it stands at and the rule calls it will return to.</summary>
internal sealed record AtnPath(ATNState State, AtnStack? Stack);
