using Alg.DeviceConsole.Session;
using Alg.DeviceConsole.Stores;
using Alg.Policy.Model;

namespace Alg.DeviceConsole.Tests.Support;

/// <summary>Runs console scripts in process against a file or a control socket, and keeps what they printed.</summary>
internal static class ConsoleRun
{
    public static (int ExitCode, string Output) ScriptOnFile(string configPath, Dialect dialect, string script)
    {
        var output = new StringWriter { NewLine = "\n" };
        var code = DeviceConsoleProgram.RunScript(new FileConfigurationStore(configPath), dialect, new StringReader(script), output);
        return (code, output.ToString());
    }

    public static (int ExitCode, string Output) ScriptOnGateway(string socketPath, Dialect dialect, string script)
    {
        var output = new StringWriter { NewLine = "\n" };
        var code = DeviceConsoleProgram.RunScript(new ControlConfigurationStore(socketPath), dialect, new StringReader(script), output);
        return (code, output.ToString());
    }

    public static ConsoleSession Session(IConfigurationStore store, Dialect dialect, StringWriter output) => new(store, dialect, output);
}
