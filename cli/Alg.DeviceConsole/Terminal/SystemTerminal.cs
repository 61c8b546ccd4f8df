namespace Alg.DeviceConsole.Terminal;

/// <summary>
/// The process's terminal through System.Console, which reads keys unbuffered and unechoed and decodes the escape
/// sequences of arrows and the like. Ctrl-C and Ctrl-Z are taken as keys, as a device's console takes them, not as
/// signals.
/// </summary>
internal sealed class SystemTerminal : ITerminal
{
    public SystemTerminal()
    {
        System.Console.TreatControlCAsInput = true;
    }

    public ConsoleKeyInfo? ReadKey()
    {
        try
        {
            return System.Console.ReadKey(intercept: true);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public void Write(string text)
    {
        System.Console.Out.Write(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));
        System.Console.Out.Flush();
    }
}
