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
public sealed class GatewayService : IDisposable
{
    private static readonly TimeSpan WorkerAnswerTimeout = TimeSpan.FromSeconds(10);
    private readonly RunOptions _options;
    private readonly ILogger _log;
    private readonly Lock _reloadGate = new();
    private readonly KernelState _kernel;
    private readonly BoundInterface[] _interfaces;
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private PolicyModel _policy;
    private string _fingerprint;
    private long _reloads;
    private long _reloadFailures;

    private GatewayService(RunOptions options, PolicyModel policy, KernelState kernel, BoundInterface[] interfaces, Gateway gateway, ILogger log)
    {
        _options = options;
        _policy = policy;
        _kernel = kernel;
        _interfaces = interfaces;
        _log = log;
        _fingerprint = PolicyLowerer.Lower(policy).Fingerprint;
        Worker = new GatewayWorker(gateway, interfaces, log);
    }

    public long Reloads => Interlocked.Read(ref _reloads);

    public long ReloadFailures => Interlocked.Read(ref _reloadFailures);

    internal GatewayWorker Worker { get; }

    /// <summary>Binds the configured interfaces and installs the kernel state; throws <see cref="GatewayStartException"/> or <see cref="KernelStateException"/>.</summary>
    public static GatewayService Start(RunOptions options, PolicyModel policy, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(logs);
        var log = logs.CreateLogger("Alg.Gateway");
        var wanted = Forwarded(policy);
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
            return new GatewayService(options, policy, kernel, [.. bound], gateway, log);
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
    /// the outcome says why. SIGHUP and <c>alg reload</c> both come here.
    /// </summary>
    public ReloadOutcome Reload()
    {
        lock (_reloadGate)
        {
            var load = ConfigurationLoader.LoadFile(_options.ConfigPath, _options.Dialect);
            var errors = load.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => DiagnosticTextRenderer.Render(d, load.Source)).ToList();
            if (load.Policy is not { } policy)
            {
                errors.Add($"alg: the configuration has errors; still running {_options.ConfigPath} as loaded before (fingerprint {_fingerprint})");
                return Refuse(errors);
            }

            var changed = InterfaceChange(Forwarded(_policy), Forwarded(policy));
            if (changed is not null)
            {
                return Refuse([$"alg: {changed}; a reload keeps the bound interfaces: restart alg run to change them"]);
            }

            // Lowering (and, in compiled mode, Roslyn) here on the control thread: the worker only installs the result.
            var prepared = Worker.Gateway.Prepare(policy);
            var fingerprint = prepared.Program.Fingerprint;
            var applied = Worker.Invoke(() =>
            {
                Worker.Gateway.Reload(prepared);
                Worker.ReadRoutes();
                return true;
            });
            if (!applied.Wait(WorkerAnswerTimeout))
            {
                return Refuse(["alg: the packet worker did not take the new configuration (is it shutting down?)"]);
            }

            _policy = policy;
            var previous = _fingerprint;
            _fingerprint = fingerprint;
            Interlocked.Increment(ref _reloads);
            _log.LogInformation("reloaded {Config}: fingerprint {Previous} -> {Fingerprint}", _options.ConfigPath, previous, fingerprint);
            return new ReloadOutcome(true, $"reloaded {_options.ConfigPath} (fingerprint {fingerprint})");
        }
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

    private static List<InterfacePolicy> Forwarded(PolicyModel policy) =>
        [.. policy.Interfaces.Where(i => i.Role != InterfaceRole.Unassigned && !i.Shutdown)];

    private static string? InterfaceChange(List<InterfacePolicy> running, List<InterfacePolicy> next)
    {
        static string Describe(InterfacePolicy i) => $"{i.Name} {i.Role.ToString().ToLowerInvariant()} {i.Address}";
        var before = running.Select(Describe).Order(StringComparer.Ordinal).ToList();
        var after = next.Select(Describe).Order(StringComparer.Ordinal).ToList();
        return before.SequenceEqual(after) ? null : $"the interfaces changed (running: {string.Join(", ", before)}; new: {string.Join(", ", after)})";
    }

    private ReloadOutcome Refuse(List<string> reasons)
    {
        Interlocked.Increment(ref _reloadFailures);
        foreach (var reason in reasons)
        {
            _log.LogError("reload refused: {Reason}", reason);
        }

        return new ReloadOutcome(false, string.Join('\n', reasons));
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
            _fingerprint,
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
            GC.GetAllocatedBytesForCurrentThread());
    }
}
