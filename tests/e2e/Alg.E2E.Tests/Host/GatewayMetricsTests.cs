using System.Diagnostics.Metrics;
using Alg.Compiler;
using Alg.Host;
using Alg.Host.Forwarding;
using Alg.Host.Linux;
using Alg.Runtime.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alg.E2E.Tests.Host;

/// <summary>The meter dotnet-counters reads, seen through a <see cref="MeterListener"/> as any listener sees it.</summary>
public sealed class GatewayMetricsTests
{
    [SkippableFact]
    public void TheAlgGatewayMeterPublishesTrafficDropsStateAndReloads()
    {
        // A packet socket needs CAP_NET_RAW; the loopback device is enough to build a worker.
        Skip.If(Environment.UserName != "root", "needs root for an AF_PACKET socket");
        var policy = ConfigurationLoader.LoadFile(Path.Combine(BenchScript.RepositoryRoot, "tests", "e2e", "configs", "gateway.cfg")).Policy!;
        using var gateway = Gateway.Create(policy, EngineMode.Interpreter);
        const int LoopbackIndex = 1;
        using var nic = new BoundInterface(policy.Interfaces[0], new LinuxInterface("lo", LoopbackIndex, 0, true), new PacketSocket(LoopbackIndex)) { PacketsIn = 7, BytesIn = 700 };
        var worker = new GatewayWorker(gateway, [nic], NullLogger.Instance);
        using var metrics = new GatewayMetrics(worker, () => 3, () => 1);
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GatewayMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tag = tags.Length > 0 ? $"[{tags[0].Value}]" : string.Empty;
            seen[instrument.Name + tag] = value;
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(7, seen["alg.packets.in[gl0]"]);
        Assert.Equal(700, seen["alg.bytes.in[gl0]"]);
        Assert.Equal(0, seen["alg.packets.out[gl0]"]);
        Assert.Equal(0, seen["alg.receive.overruns[gl0]"]);
        Assert.Equal(0, seen["alg.flows"]);
        Assert.Equal(0, seen["alg.pinholes"]);
        Assert.Equal(3, seen["alg.reloads"]);
        Assert.Equal(1, seen["alg.reload.failures"]);
    }
}
