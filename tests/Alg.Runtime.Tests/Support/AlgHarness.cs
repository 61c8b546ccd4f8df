using System.Collections.Immutable;
using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Runtime.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;
using Alg.StdlibAlgs;

namespace Alg.Runtime.Tests.Support;

/// <summary>
/// A gateway with one TCP-signalled ALG. Client inside (192.168.1.10) and server outside (203.0.113.20), PAT to
/// 203.0.113.1 with address-and-port-dependent filtering, so nothing but a pinhole lets a data or media connection in;
/// or, with <c>serverInside</c>, a server 192.168.1.21 whose service port is forwarded from 203.0.113.1 and a client
/// outside (only a pinhole lets what the client sends to an announced port reach it).
/// Every decision is made by both engines (<see cref="TestEngines"/>) unless one is chosen.
/// </summary>
public class AlgHarness
{
    public static readonly uint Client = Ip.V4("192.168.1.10");
    public static readonly uint Server = Ip.V4("203.0.113.20");
    public static readonly uint Public = Ip.V4("203.0.113.1");
    public static readonly uint InsideServer = Ip.V4("192.168.1.21");
    public static readonly uint PublishedServer = Ip.V4("203.0.113.1");
    public static readonly uint Stranger = Ip.V4("198.51.100.7");

    /// <param name="alg">The ALG's canonical name.</param>
    /// <param name="servicePort">Its TCP port (the one forwarded to the inside server).</param>
    /// <param name="engine">Which policy engine answers: both at once (every answer compared), or one alone, so two
    /// replays can be compared byte for byte.</param>
    public AlgHarness(string alg, ushort servicePort, bool serverInside, ImmutableArray<AlgPort> ports, FtpEngine engine, params (string Name, AlgOptionValue Value)[] options)
        : this([alg], servicePort, serverInside ? ServerInsidePolicy(TransportProtocol.Tcp, servicePort) : AlgPolicies.PatEverythingStrict(), ports, engine, options)
    {
    }

    /// <param name="basePolicy">The translation to use (e.g. <see cref="ServerInsidePolicy"/> for UDP too); the ALG is
    /// enabled on it.</param>
    public AlgHarness(string alg, ushort servicePort, PolicyModel basePolicy, ImmutableArray<AlgPort> ports, FtpEngine engine, params (string Name, AlgOptionValue Value)[] options)
        : this([alg], servicePort, basePolicy, ports, engine, options)
    {
    }

    /// <summary>A gateway with several ALGs that work together (H.323's Q.931, H.245 and RAS); the first is
    /// <see cref="AlgName"/> and takes <paramref name="ports"/>; each option goes to every ALG that declares it.</summary>
    public AlgHarness(string[] algs, ushort servicePort, bool serverInside, ImmutableArray<AlgPort> ports, FtpEngine engine, params (string Name, AlgOptionValue Value)[] options)
        : this(algs, servicePort, serverInside ? ServerInsidePolicy(TransportProtocol.Tcp, servicePort) : AlgPolicies.PatEverythingStrict(), ports, engine, options)
    {
    }

    private AlgHarness(string[] algs, ushort servicePort, PolicyModel basePolicy, ImmutableArray<AlgPort> ports, FtpEngine engine, (string Name, AlgOptionValue Value)[] options)
    {
        var alg = algs[0];
        AlgName = alg;
        ServicePort = servicePort;
        var enabled = algs.Select((name, index) =>
        {
            var descriptor = AlgCatalog.Get(name);
            return AlgPolicies.Enabled(descriptor, index == 0 ? ports : default) with
            {
                Options = options.Where(o => algs.Length == 1 || descriptor.FindOption(o.Name) is not null).ToImmutableSortedDictionary(o => o.Name, o => o.Value),
            };
        });
        Policy = basePolicy with { Algs = [.. enabled] };
        var engineForTests = engine switch
        {
            FtpEngine.Interpreter => new PipelineInterpreter(PolicyLowerer.Lower(Policy)),
            FtpEngine.Compiled => PipelineCompiler.Compile(PolicyLowerer.Lower(Policy), alg + " test policy").Engine,
            _ => TestEngines.Engine(Policy),
        };
        Engine = new NatEngine(new FixedEngineSource(engineForTests), new NatEngineOptions(FlowCapacity: 4096, MappingCapacity: 4096, ExpectationCapacity: 256));
        Stage = new AlgStage(StandardAlgs.CreateHandlers(), engineForTests.Program);
        Engine.UseAlgs(Stage);
    }

    public string AlgName { get; }

    /// <summary>The server 192.168.1.21 inside, only its service port forwarded from 203.0.113.1 (on each protocol
    /// given), everything else PAT with address-and-port-dependent filtering: only a pinhole lets a client outside
    /// reach any other port.</summary>
    public static PolicyModel ServerInsidePolicy(TransportProtocol protocol, ushort servicePort, params TransportProtocol[] more) =>
        TestPolicies.Policy(
            [
                TestPolicies.PortForward(protocol, "192.168.1.21", servicePort, servicePort),
                .. more.Select((p, i) => TestPolicies.PortForward(p, "192.168.1.21", servicePort, servicePort, order: 2 + i)),
                TestPolicies.PatOnInterface() with { RealAddresses = [] },
            ],
            TestPolicies.Behavior(filtering: FilteringBehavior.AddressAndPortDependent));

    public ushort ServicePort { get; }

    public PolicyModel Policy { get; }

    public NatEngine Engine { get; }

    public AlgStage Stage { get; }

    public AlgCounters Counters => Stage.CountersFor(AlgName);

    public long Now { get; private set; }

    /// <summary>Moves the clock on (pinhole lifetimes, flow idle timeouts), as if nothing was sent for that long.</summary>
    public void Advance(long nanoseconds) => Now += nanoseconds;

    public SentPacket Send(byte[] frame, IngressSide side)
    {
        Now += 1_000_000;
        var buffer = new byte[65535 + 64];
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        var verdict = Engine.Process(ref packet, ref info, Now, side);
        var output = packet.Span.ToArray();
        if (verdict.Action == NatAction.Forward)
        {
            PacketDecoder.Decode(output, LinkType.Ethernet, out info);
        }

        return new SentPacket(verdict, output, info);
    }

    /// <summary>One UDP datagram (media) through the gateway.</summary>
    public SentPacket Udp(uint source, ushort sourcePort, uint destination, ushort destinationPort, IngressSide side, byte[]? payload = null) =>
        Send(PacketBuilder.Udp(source, sourcePort, destination, destinationPort, payload ?? [0x80, 0, 0, 1]), side);

    /// <summary>A connection attempt (SYN) of a data connection.</summary>
    public SentPacket Syn(uint source, ushort sourcePort, uint destination, ushort destinationPort, IngressSide side) =>
        Send(PacketBuilder.Tcp(source, sourcePort, destination, destinationPort, TcpFlags.Syn, 7000), side);
}
