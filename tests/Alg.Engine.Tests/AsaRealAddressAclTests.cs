using System.Buffers.Binary;
using Alg.Compiler;
using Alg.Policy.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;

namespace Alg.Engine.Tests;

/// <summary>
/// From ASA 8.3 on, an interface ACL names the real (untranslated) address of a server behind static NAT
/// (Cisco, "ASA 8.3 and later: real IP addresses in access lists", ASA 8.3 migration guide); PIX and ASA before
/// 8.3 name the mapped address the packet carries. A connection from outside to the server's public address is
/// admitted by the ACL written for its generation, on both engines.
/// </summary>
public sealed class AsaRealAddressAclTests
{
    private const uint Client = 0xC6336407;      // 198.51.100.7
    private const uint Public = 0xCB00710A;      // 203.0.113.10
    private const uint Server = 0xC0A8010A;      // 192.168.1.10

    private const string Interfaces = """
        hostname fw
        interface GigabitEthernet0/0
         nameif outside
         security-level 0
         ip address 203.0.113.1 255.255.255.0
        interface GigabitEthernet0/1
         nameif inside
         security-level 100
         ip address 192.168.1.1 255.255.255.0

        """;

    private const string Asa84 = "ASA Version 8.4(2)\n" + Interfaces + """
        object network SRV
         host 192.168.1.10
         nat (inside,outside) static 203.0.113.10
        access-list OUTSIDE_IN extended permit tcp any host 192.168.1.10 eq sunrpc
        access-group OUTSIDE_IN in interface outside
        """;

    private const string Pix7 = "PIX Version 7.2(4)\n" + Interfaces + """
        static (inside,outside) 203.0.113.10 192.168.1.10 netmask 255.255.255.255
        access-list OUTSIDE_IN extended permit tcp any host 203.0.113.10 eq sunrpc
        access-group OUTSIDE_IN in interface outside
        """;

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Asa_8_3_inbound_acl_naming_the_real_address_admits_a_connection_to_the_mapped_address(EngineMode mode)
    {
        using var gateway = GatewayFor(Asa84, mode);
        Assert.True(gateway.Host.Current.Program.Interfaces.Single(i => i.Name == "GigabitEthernet0/0").InboundAclMatchesRealAddresses);

        var (admitted, destination) = SendSyn(gateway, 111);
        Assert.Equal(NatAction.Forward, admitted.Action);
        Assert.Equal(Server, destination);

        var (denied, _) = SendSyn(gateway, 80);
        Assert.Equal(NatAction.Drop, denied.Action);
        Assert.Equal(DropReason.AclDeniedInbound, denied.Reason);
        Assert.Equal(1, gateway.Nat.Flows.Count);
    }

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Pix_inbound_acl_still_names_the_mapped_address(EngineMode mode)
    {
        using var gateway = GatewayFor(Pix7, mode);
        Assert.All(gateway.Host.Current.Program.Interfaces, i => Assert.False(i.InboundAclMatchesRealAddresses));
        var (admitted, destination) = SendSyn(gateway, 111);
        Assert.Equal(NatAction.Forward, admitted.Action);
        Assert.Equal(Server, destination);

        using var realNamed = GatewayFor(Pix7.Replace("host 203.0.113.10 eq", "host 192.168.1.10 eq", StringComparison.Ordinal), mode);
        var (denied, _) = SendSyn(realNamed, 111);
        Assert.Equal(DropReason.AclDeniedInbound, denied.Reason);
    }

    private static Gateway GatewayFor(string config, EngineMode mode)
    {
        var result = ConfigurationLoader.Load(new SourceText("asa-acl.cfg", config));
        Assert.NotNull(result.Policy);
        return Gateway.Create(result.Policy, mode);
    }

    private static (NatVerdict Verdict, uint Destination) SendSyn(Gateway gateway, ushort port)
    {
        var buffer = new byte[128];
        const int length = 14 + 20 + 20;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(12), 0x0800);
        var ip = buffer.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], 40);
        ip[8] = 64;
        ip[9] = IpProtocol.Tcp;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], Client);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], Public);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Alg.Runtime.Checksums.InternetChecksum.Compute(ip[..20]));
        BinaryPrimitives.WriteUInt16BigEndian(ip[20..], 40000);
        BinaryPrimitives.WriteUInt16BigEndian(ip[22..], port);
        ip[32] = 0x50;
        ip[33] = 0x02;
        BinaryPrimitives.WriteUInt16BigEndian(ip[34..], 65535);
        var packet = new PacketBuffer(buffer, 0, length, buffer.Length);
        var verdict = gateway.Nat.Process(ref packet, LinkType.Ethernet, 1_000_000_000, IngressSide.Outside);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        return (verdict, info.DestinationAddress);
    }
}
