using Alg.Compiler;
using Alg.Host;
using Alg.Host.Control;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alg.DeviceConsole.Tests.Support;

/// <summary>
/// A gateway in the test process with no interfaces: the same <see cref="ConfigurationKeeper"/> as <c>alg run</c>'s
/// (the reload path a console's commits take), served on a control socket of its own, and packets sent through its
/// NAT engine by the test. No root, no namespaces.
/// </summary>
public sealed class InProcessGateway : IControlledGateway, IDisposable
{
    private readonly Lock _packets = new();
    private readonly ConfigurationKeeper _keeper;
    private readonly ControlServer _server;
    private long _now = 1_000_000_000L;

    public InProcessGateway(string configPath, Dialect? dialect = null, long? maxRequestBytes = null, TimeSpan? receiveTimeout = null, ControlAccess? access = null, bool rootAllowed = true)
    {
        var text = File.ReadAllText(configPath);
        var load = ConfigurationLoader.Load(new SourceText(configPath, text), dialect);
        var policy = load.Policy ?? throw new InvalidOperationException($"{configPath} has errors: {string.Join("; ", load.Diagnostics.Where(d => d.Severity == Alg.Policy.Diagnostics.DiagnosticSeverity.Error))}");
        Gateway = Gateway.Create(policy, EngineMode.Interpreter);
        _keeper = new ConfigurationKeeper(configPath, dialect, text, policy, Gateway, Install, NullLogger.Instance);
        SocketPath = Path.Combine(Path.GetDirectoryName(configPath)!, "alg.sock");
        access ??= ControlAccess.ForThisMachine();
        _server = ControlServer.Listen(SocketPath, NullLoggerFactory.Instance, new ControlAccess(access.OwnUserId, access.GroupId, rootAllowed), maxRequestBytes, receiveTimeout);
        _server.Serve(this);
    }

    public Gateway Gateway { get; }

    public string SocketPath { get; }

    public bool SipAlgOn => (Gateway.Nat.Algs?.Plans ?? []).Any(p => p?.Name == "sip");

    /// <summary>One frame through the NAT engine as if it arrived on <paramref name="side"/>.</summary>
    public NatVerdict Send(byte[] frame, IngressSide side)
    {
        lock (_packets)
        {
            var buffer = new byte[frame.Length + 64];
            frame.CopyTo(buffer, 0);
            var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
            PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
            _now += 1_000_000L;
            return Gateway.Nat.Process(ref packet, ref info, _now, side);
        }
    }

    public ReloadOutcome Reload() => _keeper.Reload();

    public ReloadOutcome Commit(string basedOn, string text) => _keeper.Commit(basedOn, text);

    public RunningConfiguration Running() => _keeper.Running();

    public ReloadOutcome WriteConfigurationFile() => _keeper.WriteConfigurationFile();

    public LiveState Live()
    {
        lock (_packets)
        {
            return LiveStateReader.Read(Gateway, _keeper.Path, _keeper.Fingerprint, _now);
        }
    }

    public GatewayStatus Status() =>
        new("interpreter", _keeper.Path, _keeper.Fingerprint, DateTimeOffset.UnixEpoch, _keeper.Reloads, _keeper.ReloadFailures, Gateway.Nat.Flows.Count, 0, 0, 0, 0, 0, 0, 0, [], [], [], 0);

    public void Dispose()
    {
        _server.Dispose();
        Gateway.Dispose();
    }

    // Between two packets, as the worker installs it.
    private bool Install(PreparedConfiguration prepared)
    {
        lock (_packets)
        {
            Gateway.Reload(prepared);
        }

        return true;
    }
}
