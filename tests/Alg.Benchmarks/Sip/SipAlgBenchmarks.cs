using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Algs;
using Alg.Runtime.Checksums;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs;
using Alg.StdlibAlgs.Sdp;
using Alg.StdlibAlgs.Sip;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Sip;

/// <summary>
/// The SIP ALG on an INVITE with SDP (about 900 bytes) and its 200 OK. "Alg" rows: parse and plan the rewrite (the
/// ALG alone, its output formatted into the stage's buffers). "Gateway" rows: the whole packet through NatEngine on
/// an established signalling flow: NAT, ALG, the edit applied to the frame with checksums, and the pinhole and
/// mapping work the message causes. Target: at most 1 µs per message, 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class SipAlgBenchmarks
{
    private const int MessagesPerInvoke = 100;
    private static readonly uint Phone = Ipv4Address.Parse("192.168.1.10").Value;
    private static readonly uint Server = Ipv4Address.Parse("203.0.113.20").Value;
    private static readonly uint Public = Ipv4Address.Parse("203.0.113.1").Value;

    private readonly byte[] _buffer = new byte[4096];
    private readonly AlgRewrite[] _rewrites = new AlgRewrite[64];
    private readonly byte[] _scratch = new byte[8192];
    private readonly AlgPinholeRequest[] _pinholes = new AlgPinholeRequest[16];
    private readonly AlgGroupCommand[] _groups = new AlgGroupCommand[16];
    private readonly SipAlg _alg = new();
    private readonly SipHeaderField[] _fields = new SipHeaderField[SipMessageParser.MaxHeaders];
    private readonly SdpLine[] _sdpLines = new SdpLine[64];
    private int _inviteBodyLength;
    private byte[] _invite = null!;
    private byte[] _ok = null!;
    private byte[] _inviteFrame = null!;
    private byte[] _okFrame = null!;
    private AlgFlowContext _outbound;
    private AlgFlowContext _inbound;
    private NatEngine _engine = null!;
    private long _now;

    [GlobalSetup]
    public void Setup()
    {
        _invite = Encoding.ASCII.GetBytes(SipMessages.Invite);
        _ok = Encoding.ASCII.GetBytes(SipMessages.Ok);
        _inviteFrame = BenchmarkFrames.Udp(Phone, 5060, Server, 5060, _invite);
        SipMessageParser.Parse(_invite, stream: false, _fields, out var parsed);
        _inviteBodyLength = parsed.BodyLength;
        _okFrame = BenchmarkFrames.Udp(Server, 5060, Public, 5060, _ok);

        var options = _alg.CreateSettings(new AlgSettingsSource(_alg.Descriptor, ImmutableSortedDictionary<string, AlgOptionValue>.Empty, NatTimeouts.Default));
        var inside = new AlgEndpoint(Phone, 5060);
        var mapped = new AlgEndpoint(Public, 5060);
        var remote = new AlgEndpoint(Server, 5060);
        var probe = new AlgFlowContext(new FlowId(1, 1), AlgDirection.Original, FlowSide.Inside, FlowSide.Inside, IpProtocol.Udp, inside, mapped, remote, true, _alg.Descriptor, options, NatTimeouts.Default, 7, 0);
        var session = _alg.CreateSession(in probe);
        _outbound = new AlgFlowContext(new FlowId(1, 1), AlgDirection.Original, FlowSide.Inside, FlowSide.Inside, IpProtocol.Udp, inside, mapped, remote, true, _alg.Descriptor, options, NatTimeouts.Default, 7, 0, session);
        _inbound = new AlgFlowContext(new FlowId(1, 1), AlgDirection.Reply, FlowSide.Outside, FlowSide.Inside, IpProtocol.Udp, inside, mapped, remote, true, _alg.Descriptor, options, NatTimeouts.Default, 7, 0, session);

        _engine = Gateway();
        _now = 1_000_000_000L;
        AlgInvite();
        AlgOk();
        GatewayInvite();
        GatewayOk();
    }

    /// <summary>The parser alone (start line, header fields, framing), for the breakdown.</summary>
    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public int ParseInvite()
    {
        var fields = _fields;
        var total = 0;
        for (var i = 0; i < MessagesPerInvoke; i++)
        {
            SipMessageParser.Parse(_invite, stream: false, fields, out var message);
            total += message.HeaderCount;
        }

        return total;
    }

    /// <summary>The SDP line finder alone on the INVITE's body.</summary>
    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public int ParseSdp()
    {
        var lines = _sdpLines;
        var body = _invite.AsSpan(_invite.Length - _inviteBodyLength);
        var total = 0;
        for (var i = 0; i < MessagesPerInvoke; i++)
        {
            total += SdpParser.Parse(body, lines, out _);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public int AlgInvite() => Inspect(in _outbound, _invite);

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public int AlgOk() => Inspect(in _inbound, _ok);

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public NatAction GatewayInvite() => Run(_inviteFrame, IngressSide.Inside);

    [Benchmark(OperationsPerInvoke = MessagesPerInvoke)]
    public NatAction GatewayOk() => Run(_okFrame, IngressSide.Outside);

    /// <summary>Replaces the INVITE the ALG rows inspect (for <see cref="SipProfile"/>'s variants).</summary>
    public void UseInvite(byte[] invite) => _invite = invite;

    private int Inspect(in AlgFlowContext context, byte[] message)
    {
        var rewrites = 0;
        for (var i = 0; i < MessagesPerInvoke; i++)
        {
            var output = new AlgOutput(_rewrites, _scratch, _pinholes, _groups);
            _alg.Inspect(in context, message, ref output);
            rewrites += output.RewriteCount;
        }

        return rewrites;
    }

    private NatAction Run(byte[] frame, IngressSide side)
    {
        var action = NatAction.Drop;
        for (var i = 0; i < MessagesPerInvoke; i++)
        {
            frame.CopyTo(_buffer, 0);
            var packet = new PacketBuffer(_buffer, 0, frame.Length, _buffer.Length);
            action = _engine.Process(ref packet, LinkType.Ethernet, _now, side).Action;
            _now += 1_000_000;
        }

        return action;
    }

    private static NatEngine Gateway()
    {
        var inside = new InterfacePolicy("gl0", "inside", InterfaceRole.Inside, new Ipv4Prefix(Ipv4Address.Parse("192.168.1.1"), 24), null, false, null, null, 100, SourceSpan.None);
        var outside = new InterfacePolicy("gw0", "outside", InterfaceRole.Outside, new Ipv4Prefix(Ipv4Address.Parse("203.0.113.1"), 24), null, false, null, null, 0, SourceSpan.None);
        var pat = new NatRule(
            NatRuleKind.DynamicPat, NatDirection.InsideSource, null, null,
            [AddressRange.Subnet(Ipv4Address.Parse("192.168.1.0"), Ipv4Address.FromPrefixLength(24))],
            NatTargetKind.Interface, "outside", null, [], null, null, null, null, null, [], [], false, true, false, 1, SourceSpan.None);
        var behavior = new NatBehavior(MappingBehavior.EndpointIndependent, FilteringBehavior.AddressDependent, true, true, true, SourceSpan.None);
        var sip = new AlgPolicy("sip", true, AlgCatalog.Get("sip").DefaultPorts, ImmutableSortedDictionary<string, AlgOptionValue>.Empty, SourceSpan.None, [], null, false);
        var policy = new PolicyModel(Dialect.Ios, "bench", [], [inside, outside], [], [], [pat], behavior, NatLimits.Unlimited, true, ImmutableSortedDictionary<string, TimerSetting>.Empty, [sip]);
        var classifier = new Alg.Runtime.Pipeline.PipelineInterpreter(Alg.Compiler.Lowering.PolicyLowerer.Lower(policy));
        var engine = new NatEngine(new Alg.Runtime.Pipeline.FixedEngineSource(classifier), new NatEngineOptions(FlowCapacity: 1 << 12, MappingCapacity: 1 << 12, ExpectationCapacity: 1 << 10));
        engine.UseAlgs(new AlgStage(StandardAlgs.CreateHandlers(), classifier.Program));
        return engine;
    }
}
