using System.Text.RegularExpressions;
using Alg.DeviceConsole.Session;
using Alg.Grammar.Common;

namespace Alg.DeviceConsole;

/// <summary>
/// Script mode: a pasted session read from standard input — the prompts and trailing <c> |</c> of a transcript are
/// dropped as the loader drops them, the device's <c>Password:</c> lines skipped — each line echoed after the prompt
/// and run; the first refused line ends the run with exit code 1.
/// </summary>
internal static partial class ScriptRunner
{
    [GeneratedRegex(@"^Password:", RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPrompt();

    public static int Run(ConsoleSession session, TextReader input, TextWriter output)
    {
        var text = TranscriptNormalizer.Normalize(input.ReadToEnd());
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r').TrimEnd();
            if (line.Trim().Length == 0 || PasswordPrompt().IsMatch(line.Trim()))
            {
                continue;
            }

            var typed = line.TrimStart();
            output.WriteLine(session.Prompt + typed);
            if (typed == "\u001a" || typed == "^Z")
            {
                session.EndConfiguration();
                continue;
            }

            if (!session.Execute(typed, number))
            {
                output.WriteLine($"% {session.SourceName}: stopped at line {number}: nothing after it was run");
                return 1;
            }

            if (session.Ended)
            {
                break;
            }
        }

        return 0;
    }
}
