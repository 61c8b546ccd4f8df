using Alg.Compiler.Output;
using Alg.DeviceConsole.Dialects;
using Alg.DeviceConsole.Session;
using Alg.DeviceConsole.Stores;
using Alg.DeviceConsole.Terminal;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.DeviceConsole;

/// <summary>
/// <c>alg console</c>: picks the configuration (a running gateway's, through its control socket, or a file alone), the
/// dialect, and the mode (a terminal: interactive; anything else on standard input: a script), and runs it.
/// Exit codes: 0 done, 1 a script line was refused, 2 usage or nothing to attach to.
/// </summary>
public static class DeviceConsoleProgram
{
    public const int ExitOk = 0;
    public const int ExitRefused = 1;
    public const int ExitUsage = 2;

    /// <param name="configPath">The file to edit alone, or null to attach to the gateway at <paramref name="controlPath"/>.</param>
    /// <param name="script">The script to run, or null for an interactive session on the process's terminal.</param>
    public static int Run(string? configPath, string controlPath, Dialect? dialect, TextReader? script, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        IConfigurationStore store;
        StoredConfiguration stored;
        try
        {
            store = configPath is not null ? new FileConfigurationStore(configPath) : new ControlConfigurationStore(controlPath);
            stored = store.Read();
        }
        catch (Exception unreachable) when (unreachable is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"alg: {unreachable.Message}");
            return ExitUsage;
        }

        var chosen = dialect
            ?? (stored.Dialect is { } named && DialectNames.TryParse(named, out var told) ? told : (Dialect?)null)
            ?? DialectDetector.Detect(stored.Text).Dialect;
        if (!DialectProfile.Supports(chosen))
        {
            error.WriteLine($"alg: the console speaks IOS, ASA, ScreenOS and Junos; {stored.Path} is {DialectNames.Display(chosen)} (pass --dialect if that is wrong)");
            return ExitUsage;
        }

        // The console edits a configuration line by line; Junos's curly-brace form has no lines to edit.
        if (chosen == Dialect.Junos && Alg.Grammar.Junos.JunosHierarchyReader.IsHierarchical(stored.Text))
        {
            error.WriteLine($"alg: {stored.Path} is Junos in its curly-brace form; the console edits the 'display set' form (show configuration | display set > FILE)");
            return ExitUsage;
        }

        if (script is not null)
        {
            var session = new ConsoleSession(store, chosen, output, script == Console.In ? "stdin" : "script");
            ReportStartingErrors(session, output);
            return ScriptRunner.Run(session, script, output);
        }

        using var terminal = new RawTerminal();
        var screen = new TerminalWriter(terminal);
        var interactive = new ConsoleSession(store, chosen, screen);
        screen.WriteLine(store.IsLive
            ? $"alg console: {DialectNames.Display(chosen)}, attached to the gateway at {controlPath} running {stored.Path}; every change is compiled and loaded at once"
            : $"alg console: {DialectNames.Display(chosen)}, {stored.Path} alone (no gateway); 'write memory' saves the changes");
        ReportStartingErrors(interactive, screen);
        return InteractiveRunner.Run(interactive, terminal);
    }

    /// <summary>Runs a script against a store the caller made (tests: an in-process gateway, a file).</summary>
    internal static int RunScript(IConfigurationStore store, Dialect dialect, TextReader script, TextWriter output)
    {
        var session = new ConsoleSession(store, dialect, output, "script");
        return ScriptRunner.Run(session, script, output);
    }

    private static void ReportStartingErrors(ConsoleSession session, TextWriter output)
    {
        var errors = session.StartingErrors.ToList();
        if (errors.Count == 0)
        {
            return;
        }

        output.WriteLine($"% {session.Path} has {errors.Count} error(s); lines that add none are still applied:");
        var source = new SourceText(session.Path, session.RunningText);
        foreach (var error in errors.Take(10))
        {
            output.WriteLine("% " + DiagnosticTextRenderer.Render(error, source).Replace("\n", "\n% ", StringComparison.Ordinal));
        }
    }
}
