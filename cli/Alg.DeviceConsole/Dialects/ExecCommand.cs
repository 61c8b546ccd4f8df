namespace Alg.DeviceConsole.Dialects;

/// <summary>
/// One exec command: its words (a word in angle brackets, <c>&lt;NAME&gt;</c>, takes any value; a trailing
/// <c>[WORD]</c> is optional), what <c>?</c> says of it, and what it does. Typed words may be abbreviated while they
/// stay unambiguous among the commands, as on the device.
/// </summary>
internal sealed record ExecCommand(string Syntax, string Help, ExecAction Action, bool AlsoInConfigurationMode = false)
{
    public IReadOnlyList<string> Words { get; } = Syntax.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static bool IsPlaceholder(string word) => word.StartsWith('<') || word.StartsWith('[');

    public int RequiredWords => Words.Count(w => !w.StartsWith('['));
}
