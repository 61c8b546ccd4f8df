namespace Alg.DeviceConsole.Grammar;

/// <summary>One abbreviation written out: at <paramref name="Start"/> of the text as it then stood, <paramref name="OldLength"/> characters became <paramref name="NewLength"/>.</summary>
internal sealed record ExpansionEdit(int Start, int OldLength, int NewLength);
