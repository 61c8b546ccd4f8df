using Alg.Grammar.Common;

namespace Alg.DeviceConsole.Editing;

/// <summary>A configuration mode the console is in: the header line that entered it (as stored) and the mode it opened.</summary>
internal sealed record ContextFrame(string Header, ParserMode Mode);
