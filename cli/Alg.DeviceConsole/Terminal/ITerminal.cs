namespace Alg.DeviceConsole.Terminal;

/// <summary>The keyboard and screen the line editor works on: the real terminal, or a scripted one in tests.</summary>
internal interface ITerminal
{
    /// <summary>The next key; null when the input has ended.</summary>
    ConsoleKeyInfo? ReadKey();

    void Write(string text);
}
