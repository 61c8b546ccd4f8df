using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Nat;

/// <summary>Mutated packets of every shape the engine translates: drops are fine, exceptions are not.</summary>
public sealed class NatEngineFuzzTests
{
    [Fact]
    public void Mutated_packets_never_throw()
    {
        var inside = Ip.V4("192.168.1.10");
        var outside = Ip.V4(TestPolicies.OutsideAddress);
        var server = Ip.V4("198.51.100.7");
        var udp = PacketBuilder.Udp(inside, 5060, server, 5060, "payload"u8);
        byte[][] templates =
        [
            udp,
            PacketBuilder.Tcp(inside, 40000, server, 80, TcpFlags.Syn),
            PacketBuilder.IcmpEcho(inside, server, 7, 1, request: true),
            PacketBuilder.IcmpError(server, outside, 3, 3, PacketBuilder.Udp(outside, 5060, server, 5060)),
            PacketBuilder.IcmpError(server, outside, 11, 0, PacketBuilder.Tcp(outside, 40000, server, 80, TcpFlags.Syn), quotedTransportBytes: 20),
            PacketBuilder.Ipv4(inside, server, IpProtocol.Udp, new byte[64], withChecksum: false, fragmentField: 0x2000),
            PacketBuilder.Udp(inside, 5060, server, 5060, "x"u8, optionsLength: 12),
        ];

        var engine = TestEngines.Nat(TestPolicies.Policy([TestPolicies.PatOnInterface()]), new NatEngineOptions(FlowCapacity: 2048, MappingCapacity: 2048));
        var random = new Random(77);
        var buffer = new byte[70_000];
        var outcomes = new int[3];
        for (var i = 0; i < 30_000; i++)
        {
            var template = templates[random.Next(templates.Length)];
            template.CopyTo(buffer, 0);
            var mutations = random.Next(4);
            for (var m = 0; m < mutations; m++)
            {
                buffer[random.Next(template.Length)] = (byte)random.Next(256);
            }

            var length = random.Next(5) == 0 ? random.Next(template.Length + 1) : template.Length;
            var packet = new PacketBuffer(buffer, 0, length, buffer.Length);
            var side = (IngressSide)random.Next(3);
            var verdict = engine.Process(ref packet, LinkType.Ethernet, (i / 100) * NatHarness.Second, side);
            outcomes[(int)verdict.Action]++;
        }

        Assert.True(outcomes[(int)NatAction.Forward] > 0);
        Assert.True(outcomes[(int)NatAction.Drop] > 0);
    }
}
