using Antlr4.Runtime.Atn;

namespace Alg.DeviceConsole.Grammar;

/// <summary>The return states of the rule calls a path is inside, innermost first (a record, so equal stacks compare equal).</summary>
internal sealed record AtnStack(ATNState Return, AtnStack? Parent);
