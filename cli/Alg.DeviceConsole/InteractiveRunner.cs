using Alg.DeviceConsole.Session;
using Alg.DeviceConsole.Terminal;

namespace Alg.DeviceConsole;

/// <summary>The console at a terminal: prompt, line editor, the session, until <c>exit</c> or the end of the input.</summary>
internal static class InteractiveRunner
{
    public static int Run(ConsoleSession session, ITerminal terminal)
    {
        var editor = new LineEditor(terminal);
        var number = 0;
        while (!session.Ended)
        {
            var line = editor.ReadLine(session);
            if (line.EndOfInput)
            {
                break;
            }

            if (line.ControlZ)
            {
                session.EndConfiguration();
                continue;
            }

            session.Execute(line.Text, ++number);
        }

        return 0;
    }
}
