using System.CommandLine;
using System.Net.Sockets;
using Alg.Host;
using Alg.Host.Linux;
using Microsoft.Extensions.Logging;

namespace Alg.Cli.Commands;

/// <summary>`alg run --config CFG [--control PATH] [--engine …] [--log-level …]`: forward between the configured interfaces.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = new Option<FileInfo>("--config") { Description = "Configuration the gateway runs; SIGHUP and 'alg reload' read it again.", Required = true };
        var control = ControlOption();
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Least severe log level written to standard error.", DefaultValueFactory = _ => LogLevel.Information };
        var engine = CommonOptions.Engine();
        var dialect = CommonOptions.Dialect();
        var command = new Command("run", "Run as the gateway between the interfaces the configuration names (Linux, root): NAT, ACLs and ALGs on every forwarded packet.")
        {
            config, control, logLevel, engine, dialect,
        };
        command.SetAction(result =>
        {
            var file = result.GetValue(config)!;
            if (ConfigurationFile.Load(file, result.GetValue(dialect), error, "not starting", out var exitCode) is not { Policy: { } policy } load)
            {
                return exitCode;
            }

            if (!OperatingSystem.IsLinux())
            {
                error.WriteLine("alg: run needs Linux (AF_PACKET sockets and nftables)");
                return AlgCommandLine.ExitUsage;
            }

            var options = new RunOptions(LintCommand.DisplayPath(file), CommonOptions.ParseDialect(result.GetValue(dialect)), CommonOptions.ParseEngine(result.GetValue(engine)), result.GetValue(control)!);
            using var logs = LoggerFactory.Create(builder => builder
                .SetMinimumLevel(result.GetValue(logLevel))
                .AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss.fff ";
                })
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
            try
            {
                GatewayRunner.RunUntilStopped(options, policy, logs, configurationText: load.Source?.Content);
                return AlgCommandLine.ExitOk;
            }
            catch (Exception refused) when (refused is GatewayStartException or KernelStateException)
            {
                error.WriteLine($"alg: {refused.Message}");
                return AlgCommandLine.ExitUsage;
            }
            catch (SocketException denied)
            {
                error.WriteLine($"alg: cannot open packet sockets: {denied.Message} (alg run needs root, or CAP_NET_RAW and CAP_NET_ADMIN)");
                return AlgCommandLine.ExitUsage;
            }
            catch (UnauthorizedAccessException denied)
            {
                error.WriteLine($"alg: {denied.Message} (alg run needs root, or CAP_NET_ADMIN)");
                return AlgCommandLine.ExitUsage;
            }
        });
        return command;
    }

    public static Option<string> ControlOption() => new("--control")
    {
        Description = "Unix socket of the running gateway's control channel.",
        DefaultValueFactory = _ => RunOptions.DefaultControlPath,
    };
}
