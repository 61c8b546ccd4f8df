using System.Text;

namespace Alg.DeviceConsole.Terminal;

/// <summary>A TextWriter over an <see cref="ITerminal"/>, so the session writes to the screen the editor draws on.</summary>
internal sealed class TerminalWriter(ITerminal terminal) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => terminal.Write(value.ToString());

    public override void Write(string? value)
    {
        if (value is not null)
        {
            terminal.Write(value);
        }
    }

    public override void WriteLine(string? value) => terminal.Write((value ?? string.Empty) + "\n");
}
