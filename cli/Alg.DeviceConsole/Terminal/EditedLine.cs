namespace Alg.DeviceConsole.Terminal;

/// <summary>What the line editor read: a line, Ctrl-Z (leave configuration mode), or the end of the input.</summary>
internal sealed record EditedLine(string Text, bool ControlZ, bool EndOfInput)
{
    public static readonly EditedLine End = new(string.Empty, false, true);
}
