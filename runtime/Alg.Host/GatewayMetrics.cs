using System.Diagnostics.Metrics;
using Alg.Host.Forwarding;
using Alg.Policy.Text;
using Alg.Runtime.Packets;

namespace Alg.Host;

/// <summary>
/// The gateway's instruments on the meter <c>Alg.Gateway</c> (read them with
/// <c>dotnet-counters monitor -n alg --counters Alg.Gateway</c>).
/// </summary>
/// <remarks>
/// All are observable: the worker keeps plain counters and the callbacks read them when a listener asks, so
/// the packet path pays nothing for metrics. A value may be a few packets behind; 64-bit reads never tear.
/// </remarks>
internal sealed class GatewayMetrics : IDisposable
{
    public const string MeterName = "Alg.Gateway";
    private readonly Meter _meter = new(MeterName);

    public GatewayMetrics(GatewayService service)
        : this(service.Worker, () => service.Reloads, () => service.ReloadFailures)
    {
    }

    /// <param name="reloads">Reloads applied so far.</param>
    /// <param name="reloadFailures">Reloads refused so far.</param>
    public GatewayMetrics(GatewayWorker worker, Func<long> reloads, Func<long> reloadFailures)
    {
        _meter.CreateObservableCounter("alg.packets.in", () => PerInterface(worker, i => i.PacketsIn), "{packet}", "Frames received per interface");
        _meter.CreateObservableCounter("alg.bytes.in", () => PerInterface(worker, i => i.BytesIn), "By", "Bytes received per interface");
        _meter.CreateObservableCounter("alg.packets.out", () => PerInterface(worker, i => i.PacketsOut), "{packet}", "Frames sent per interface");
        _meter.CreateObservableCounter("alg.bytes.out", () => PerInterface(worker, i => i.BytesOut), "By", "Bytes sent per interface");
        _meter.CreateObservableCounter("alg.drops", () => Drops(worker), "{packet}", "Packets dropped, by reason");
        _meter.CreateObservableCounter("alg.receive.overruns", () => PerInterface(worker, i => i.KernelDrops), "{packet}", "Frames the kernel dropped before the gateway read them (receive queue full)");
        _meter.CreateObservableGauge("alg.flows", () => worker.Gateway.Nat.Flows.Count, "{flow}", "Live flows");
        _meter.CreateObservableGauge("alg.pinholes", () => worker.Gateway.Nat.Expectations.Count, "{pinhole}", "Open pinholes (ALG expectations)");
        _meter.CreateObservableCounter("alg.reloads", reloads, "{reload}", "Configurations loaded by SIGHUP or alg reload");
        _meter.CreateObservableCounter("alg.reload.failures", reloadFailures, "{reload}", "Reloads refused (the running configuration stayed)");
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> PerInterface(GatewayWorker worker, Func<BoundInterface, long> read) =>
        worker.Interfaces.Select(i => new Measurement<long>(read(i), new KeyValuePair<string, object?>("interface", i.Name)));

    private static IEnumerable<Measurement<long>> Drops(GatewayWorker worker)
    {
        var drops = worker.Gateway.Nat.Drops;
        foreach (var reason in Enum.GetValues<DropReason>())
        {
            if (reason != DropReason.None && drops[reason] > 0)
            {
                yield return new Measurement<long>(drops[reason], new KeyValuePair<string, object?>("reason", KebabCase.From(reason.ToString())));
            }
        }

        foreach (var (reason, count) in worker.Counters.Drops())
        {
            yield return new Measurement<long>(count, new KeyValuePair<string, object?>("reason", reason));
        }
    }
}
