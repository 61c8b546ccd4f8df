using System.Runtime.InteropServices;
using Alg.Host.Control;
using Alg.Policy.Model;
using Microsoft.Extensions.Logging;

namespace Alg.Host;

/// <summary>
/// <c>alg run</c> from start to clean exit: the service, its control socket, its metrics, and the signals
/// (SIGHUP reloads, SIGTERM and SIGINT stop). The worker runs on the calling thread.
/// </summary>
public static class GatewayRunner
{
    /// <summary>Runs until SIGTERM/SIGINT or <paramref name="stop"/>; kernel state and the control socket are removed on the way out.</summary>
    /// <param name="configurationText">The text <paramref name="policy"/> was loaded from; null reads the file again.</param>
    public static void RunUntilStopped(RunOptions options, PolicyModel policy, ILoggerFactory logs, CancellationToken stop = default, string? configurationText = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logs);
        var log = logs.CreateLogger("Alg.Gateway");
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var control = ControlServer.Listen(options.ControlPath, logs);
        using var service = GatewayService.Start(options, policy, logs, configurationText);
        control.Serve(service);
        using var metrics = new GatewayMetrics(service);
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            log.LogInformation("SIGHUP: reloading {Config}", options.ConfigPath);
            ThreadPool.QueueUserWorkItem(_ => service.Reload());
        });
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stopping, log));
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stopping, log));
        log.LogInformation("forwarding with {Config} ({Mode} engine); control socket {Control}; metrics on meter {Meter}", options.ConfigPath, options.Mode, options.ControlPath, GatewayMetrics.MeterName);
        service.Run(stopping.Token);
        log.LogInformation("stopped: {Status}", StatusLine(service));
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stopping, ILogger log)
    {
        context.Cancel = true;
        log.LogInformation("{Signal}: shutting down", context.Signal);
        stopping.Cancel();
    }

    private static string StatusLine(GatewayService service)
    {
        var nat = service.Worker.Gateway.Nat;
        var received = service.Worker.Interfaces.Sum(i => i.PacketsIn);
        var sent = service.Worker.Interfaces.Sum(i => i.PacketsOut);
        return $"{received} frames in, {sent} out, {nat.FlowsCreated} flows, {nat.Drops.Total} dropped, {service.Reloads} reloads";
    }
}
