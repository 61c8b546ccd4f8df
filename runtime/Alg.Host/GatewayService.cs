using Alg.Compiler;
using Alg.Compiler.Lowering;
using Alg.Compiler.Output;
using Alg.Host.Control;
using Alg.Host.Forwarding;
using Alg.Host.Linux;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Packets;
using Microsoft.Extensions.Logging;

namespace Alg.Host;

/// <summary>
/// A running gateway on real interfaces: the kernel state, one packet socket per configured interface, the
/// engine's worker, and the reload and status paths that SIGHUP and the control socket share.
/// </summary>
public sealed class GatewayService : IControlledGateway, IDisposable
{
    private static readonly TimeSpan WorkerAnswerTimeout = TimeSpan.FromSeconds(10);
    private readonly RunOptions _options;
    private readonly KernelState _kernel;
    private readonly BoundInterface[] _interfaces;
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly ConfigurationKeeper _configuration;

    private GatewayService(RunOptions options, PolicyModel policy, string configurationText, KernelState kernel, BoundInterface[] interfaces, Gateway gateway, ILogger log)
    {
        _options = options;
        _kernel = kernel;
        _interfaces = interfaces;
        Worker = new GatewayWorker(gateway, interfaces, log);
        _configuration = new ConfigurationKeeper(options.ConfigPath, options.Dialect, configurationText, policy, gateway, Install, log);
    }

    public long Reloads => _configuration.Reloads;

    public long ReloadFailures => _configuration.ReloadFailures;

    internal GatewayWorker Worker { get; }

    /// <summary>Binds the configured interfaces and installs the kernel state; throws <see cref="GatewayStartException"/> or <see cref="KernelStateException"/>.</summary>
    /// <param name="configurationText">The text <paramref name="policy"/> was loaded from (what a console edits); null reads the file.</param>
    public static GatewayService Start(RunOptions options, PolicyModel policy, ILoggerFactory logs, string? configurationText = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(logs);
        var log = logs.CreateLogger("Alg.Gateway");
        var wanted = ConfigurationKeeper.Forwarded(policy);
        var devices = new List<LinuxInterface>();
        var problems = new List<string>();
        foreach (var nic in wanted)
        {
            if (LinuxInterface.Find(nic.Name, out var problem) is { } device)
            {
                devices.Add(device);
            }
            else
            {
                problems.Add($"{nic.Span.ToLocation()}: interface {nic.Name}: {problem}");
            }
        }

        if (!wanted.Any(i => i.Role == InterfaceRole.Inside))
        {
            problems.Add($"{options.ConfigPath}: no interface has the inside NAT role (ip nat inside, nameif, zone); nothing to forward from");
        }

        if (!wanted.Any(i => i.Role == InterfaceRole.Outside))
        {
            problems.Add($"{options.ConfigPath}: no interface has the outside NAT role; nothing to forward to");
        }

        if (problems.Count > 0)
        {
            throw new GatewayStartException(string.Join('\n', problems));
        }

        var kernel = KernelState.Install(wanted, log);
        var bound = new List<BoundInterface>();
        Gateway? gateway = null;
        try
        {
            for (var i = 0; i < wanted.Count; i++)
            {
                bound.Add(new BoundInterface(wanted[i], devices[i], new PacketSocket(devices[i].Index)));
                log.LogInformation("bound {Interface} ({Side}, {Address}, {Mac}, ifindex {Index})", wanted[i].Name, wanted[i].Role, wanted[i].Address, LinuxInterface.FormatMac(devices[i].Mac), devices[i].Index);
            }

            gateway = Gateway.Create(policy, options.Mode);
            return new GatewayService(options, policy, configurationText ?? File.ReadAllText(options.ConfigPath), kernel, [.. bound], gateway, log);
        }
        catch
        {
            gateway?.Dispose();
            bound.ForEach(b => b.Dispose());
            kernel.Dispose();
            throw;
        }
    }

    /// <summary>Forwards on the calling thread until <paramref name="stop"/> is cancelled.</summary>
    public void Run(CancellationToken stop) => Worker.Run(stop);

    /// <summary>
    /// Loads the configuration file again and, when it has no errors and binds the same interfaces, installs it
    /// between two packets; flows, mappings and pinholes stay. Otherwise the running configuration stays and
    /// the outcome says why. SIGHUP and <c>alg reload</c> both come here, and a console's commit takes the same path.
    /// </summary>
    public ReloadOutcome Reload() => _configuration.Reload();

    public ReloadOutcome Commit(string basedOn, string text) => _configuration.Commit(basedOn, text);

    public RunningConfiguration Running() => _configuration.Running();

    public ReloadOutcome WriteConfigurationFile() => _configuration.WriteConfigurationFile();

    public LiveState Live()
    {
        var snapshot = Worker.Invoke(() => LiveStateReader.Read(Worker.Gateway, _options.ConfigPath, _configuration.Fingerprint, GatewayWorker.Now));
        return snapshot.Wait(WorkerAnswerTimeout) ? snapshot.Result : throw new TimeoutException("the packet worker did not answer");
    }

    public GatewayStatus Status()
    {
        var snapshot = Worker.Invoke(Snapshot);
        return snapshot.Wait(WorkerAnswerTimeout) ? snapshot.Result : throw new TimeoutException("the packet worker did not answer");
    }

    public void Dispose()
    {
        Worker.Gateway.Dispose();
        foreach (var nic in _interfaces)
        {
            nic.Dispose();
        }

        _kernel.Dispose();
    }

    private bool Install(PreparedConfiguration prepared)
    {
        var applied = Worker.Invoke(() =>
        {
            Worker.Gateway.Reload(prepared);
            Worker.ReadRoutes();
            return true;
        });
        return applied.Wait(WorkerAnswerTimeout);
    }

    private GatewayStatus Snapshot()
    {
        var gateway = Worker.Gateway;
        var nat = gateway.Nat;
        var algs = (nat.Algs?.Plans ?? []).OfType<Alg.Runtime.Algs.AlgPlanEntry>()
            .Select(p => new AlgStatus(p.Name, p.Handler is not null, p.Counters.Inspected, p.Counters.RewritesApplied, p.Counters.RewritesRefused, p.Counters.PinholesOpened, p.Counters.PinholesRefused, p.Counters.Malformed, p.Counters.Failures, p.Counters.PartsRefused, p.Counters.LastPartRefused, p.Counters.TunnelsOpened, p.Counters.PolicyDrops, new Dictionary<string, long>(p.Counters.PolicyDropsBy, StringComparer.Ordinal)))
            .ToList();
        var drops = new List<KeyValuePair<string, long>>();
        foreach (var reason in Enum.GetValues<DropReason>())
        {
            if (reason != DropReason.None && nat.Drops[reason] > 0)
            {
                drops.Add(new(KebabCase.From(reason.ToString()), nat.Drops[reason]));
            }
        }

        foreach (var (reason, count) in Worker.Counters.Drops())
        {
            drops.Add(new(reason, count));
        }

        return new GatewayStatus(
            KebabCase.From(gateway.Host.Tier.ToString()),
            _options.ConfigPath,
            _configuration.Fingerprint,
            _started,
            Reloads,
            ReloadFailures,
            nat.Flows.Count,
            nat.FlowsCreated,
            nat.FlowsExpired,
            nat.Expectations.Count,
            nat.Expectations.Opened,
            nat.Expectations.Used,
            nat.Expectations.Expired,
            nat.PacketsTranslated,
            [.. _interfaces.Select(i => new InterfaceStatus(i.Name, i.Side.ToString().ToLowerInvariant(), i.Policy.Address?.ToString() ?? "-", i.PacketsIn, i.BytesIn, i.PacketsOut, i.BytesOut, i.SendFailures, i.KernelDrops, i.Neighbours.Count))],
            algs,
            drops,
            GC.GetAllocatedBytesForCurrentThread(),
            PinholeStatus.From(nat, GatewayWorker.Now));
    }
}
