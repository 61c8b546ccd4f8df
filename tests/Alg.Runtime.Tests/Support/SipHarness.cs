using System.Collections.Immutable;
using System.Text;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Runtime.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs;

namespace Alg.Runtime.Tests.Support;

/// <summary>
/// A gateway with the SIP ALG between a phone (192.168.1.10, inside) and a server (203.0.113.20, outside), PAT to
/// 203.0.113.1 with address-and-port-dependent filtering: nothing but a pinhole lets unsolicited traffic in.
/// Every decision is made by both engines (<see cref="TestEngines"/>).
/// </summary>
public sealed class SipHarness
{
    public static readonly uint Phone = Ip.V4("192.168.1.10");
    public static readonly uint Server = Ip.V4("203.0.113.20");
    public static readonly uint Public = Ip.V4("203.0.113.1");
    public static readonly uint Stranger = Ip.V4("198.51.100.7");

    public SipHarness(ImmutableArray<AlgPort> ports = default, params (string Name, AlgOptionValue Value)[] options)
    {
        var policy = AlgPolicies.PatEverythingStrict();
        var sip = AlgPolicies.Enabled(AlgCatalog.Get("sip"), ports) with
        {
            Options = options.ToImmutableSortedDictionary(o => o.Name, o => o.Value),
        };
        Policy = policy with { Algs = [sip] };
        Engine = TestEngines.Nat(Policy, new NatEngineOptions(FlowCapacity: 4096, MappingCapacity: 4096, ExpectationCapacity: 256));
        Stage = new AlgStage(StandardAlgs.CreateHandlers(), TestEngines.Program(Policy));
        Engine.UseAlgs(Stage);
    }

    public PolicyModel Policy { get; }

    public NatEngine Engine { get; }

    public AlgStage Stage { get; }

    public AlgCounters Counters => Stage.CountersFor("sip");

    /// <summary>A SIP message with CRLF line ends and a Content-Length equal to the body, unless one is given in <paramref name="head"/>.</summary>
    public static string Message(string head, string body = "")
    {
        var lines = head.Trim('\n').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append("\r\n");
        }

        if (!head.Contains("Content-Length", StringComparison.OrdinalIgnoreCase) && !head.Contains("\nl:", StringComparison.Ordinal))
        {
            text.Append("Content-Length: ").Append(Encoding.ASCII.GetByteCount(body)).Append("\r\n");
        }

        return text.Append("\r\n").Append(body).ToString();
    }

    /// <summary>SDP with CRLF line ends (RFC 4566 §5).</summary>
    public static string Sdp(params string[] lines) => string.Concat(lines.Select(l => l + "\r\n"));

    public SentPacket PhoneSends(string payload, long seconds = 0, ushort sourcePort = 5060, ushort destinationPort = 5060, uint source = 0) =>
        Udp(source == 0 ? Phone : source, sourcePort, Server, destinationPort, Encoding.ASCII.GetBytes(payload), seconds, IngressSide.Inside);

    public SentPacket ServerSends(string payload, long seconds = 0, ushort sourcePort = 5060, ushort destinationPort = 5060, uint source = 0) =>
        Udp(source == 0 ? Server : source, sourcePort, Public, destinationPort, Encoding.ASCII.GetBytes(payload), seconds, IngressSide.Outside);

    public SentPacket Udp(uint source, ushort sourcePort, uint destination, ushort destinationPort, byte[] payload, long seconds, IngressSide side) =>
        Send(PacketBuilder.Udp(source, sourcePort, destination, destinationPort, payload), seconds * NatHarness.Second, side);

    public SentPacket Send(byte[] frame, long now, IngressSide side)
    {
        var buffer = new byte[65535 + 64];
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        var verdict = Engine.Process(ref packet, ref info, now, side);
        var output = packet.Span.ToArray();
        if (verdict.Action == NatAction.Forward)
        {
            PacketDecoder.Decode(output, LinkType.Ethernet, out info);
        }

        return new SentPacket(verdict, output, info);
    }
}
