using System.Buffers.Binary;
using Alg.Compiler;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;

namespace Alg.Engine.Tests;

/// <summary>
/// ASA <c>sunrpc-server IFC ADDRESS MASK service PROGRAM protocol tcp|udp port P[-P] timeout hh:mm:ss</c> (Cisco ASA
/// command reference, "sunrpc-server": entries of the SunRPC services table, so a service is reached without the port
/// mapper): a connection from another interface to the server's address, on the entry's protocol and ports, passes that
/// interface's inbound ACL, on both engines; anything else still meets the ACL. The entry does nothing without
/// <c>inspect sunrpc</c>, and a reload that drops it stops admitting.
/// </summary>
public sealed class SunRpcServerEntryTests
{
    private const uint Client = 0xC6336407;      // 198.51.100.7
    private const uint Public = 0xCB007115;      // 203.0.113.21
    private const uint Server = 0xC0A80115;      // 192.168.1.21

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

    private const string Entry = "sunrpc-server inside 192.168.1.21 255.255.255.255 service 100003 protocol tcp port 2049-2050 timeout 0:30:00\n";

    // ASA 8.3 and later: the outside ACL names the server's real address and opens only the port mapper.
    private const string Asa = "ASA Version 9.8(2)\n" + Interfaces + """
        object network SRV
         host 192.168.1.21
         nat (inside,outside) static 203.0.113.21
        access-list OUTSIDE_IN extended permit udp any host 192.168.1.21 eq sunrpc
        access-list OUTSIDE_IN extended permit tcp any host 192.168.1.21 eq sunrpc
        access-group OUTSIDE_IN in interface outside
        clear sunrpc-server active

        """;

    // PIX and ASA before 8.3: the ACL names the mapped address on the wire.
    private const string Pix = "PIX Version 7.2(4)\n" + Interfaces + """
        static (inside,outside) 203.0.113.21 192.168.1.21 netmask 255.255.255.255
        access-list OUTSIDE_IN extended permit tcp any host 203.0.113.21 eq sunrpc
        access-group OUTSIDE_IN in interface outside

        """;

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void An_entry_lets_its_protocol_and_ports_on_the_server_past_the_outside_acl(EngineMode mode)
    {
        var result = ConfigurationLoader.Load(new SourceText("asa.cfg", Asa + Entry));
        Assert.NotNull(result.Policy);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning || d.Descriptor == DiagnosticCatalog.OptionNotActedOn);
        using var gateway = Gateway.Create(result.Policy, mode);

        var (nfs, destination) = Send(gateway, IpProtocol.Tcp, 2049);
        Assert.Equal(NatAction.Forward, nfs.Action);
        Assert.Equal(Server, destination);
        Assert.Equal(NatAction.Forward, Send(gateway, IpProtocol.Tcp, 2050, 40001).Verdict.Action);
        Assert.Equal(DropReason.AclDeniedInbound, Send(gateway, IpProtocol.Tcp, 2051).Verdict.Reason);
        Assert.Equal(DropReason.AclDeniedInbound, Send(gateway, IpProtocol.Udp, 2049).Verdict.Reason);
    }

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Without_the_entry_or_with_inspect_sunrpc_off_the_acl_alone_decides(EngineMode mode)
    {
        foreach (var config in new[] { Asa, Asa + Entry + "policy-map global_policy\n class inspection_default\n  no inspect sunrpc\n" })
        {
            var result = ConfigurationLoader.Load(new SourceText("asa.cfg", config));
            Assert.NotNull(result.Policy);
            using var gateway = Gateway.Create(result.Policy, mode);
            Assert.Equal(DropReason.AclDeniedInbound, Send(gateway, IpProtocol.Tcp, 2049).Verdict.Reason);
        }
    }

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void A_reload_that_drops_the_entry_stops_admitting_and_no_removes_it(EngineMode mode)
    {
        var with = ConfigurationLoader.Load(new SourceText("asa.cfg", Asa + Entry)).Policy!;
        using var gateway = Gateway.Create(with, mode);
        Assert.Equal(NatAction.Forward, Send(gateway, IpProtocol.Tcp, 2049).Verdict.Action);

        var without = ConfigurationLoader.Load(new SourceText("asa.cfg", Asa + Entry + "no " + Entry)).Policy!;
        Assert.Empty(without.SunRpcServers);
        gateway.Reload(without);
        Assert.Equal(DropReason.AclDeniedInbound, Send(gateway, IpProtocol.Tcp, 2049, 40002).Verdict.Reason);

        gateway.Reload(with);
        Assert.Equal(NatAction.Forward, Send(gateway, IpProtocol.Tcp, 2049, 40003).Verdict.Action);
    }

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Before_8_3_the_entry_permits_the_mapped_address_the_acl_sees(EngineMode mode)
    {
        var result = ConfigurationLoader.Load(new SourceText("pix.cfg", Pix + Entry));
        Assert.NotNull(result.Policy);
        using var gateway = Gateway.Create(result.Policy, mode);
        var copy = gateway.Program.Acls.Single(a => a.Name == "OUTSIDE_IN+sunrpc-server");
        Assert.Equal(2, copy.Rules[0].Destinations.Length);

        var (nfs, destination) = Send(gateway, IpProtocol.Tcp, 2049);
        Assert.Equal(NatAction.Forward, nfs.Action);
        Assert.Equal(Server, destination);
    }

    [Fact]
    public void The_entry_is_in_the_policy_and_a_bad_port_range_is_reported_on_its_line()
    {
        var result = ConfigurationLoader.Load(new SourceText("asa.cfg", Asa + Entry + "sunrpc-server inside 192.168.1.21 255.255.255.255 service 100005 protocol udp port 900-800 timeout 0:30:00\n"));
        var entry = Assert.Single(result.Bound!.Policy.SunRpcServers);
        Assert.Equal(("inside", 100003u, 2049, 2050, 1800L), (entry.Interface, entry.Program, entry.Ports.Low, entry.Ports.High, entry.TimeoutSeconds));
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.InvalidValue && d.Span.Line == (Asa + Entry).Count(c => c == '\n') + 1);
    }

    private static (NatVerdict Verdict, uint Destination) Send(Gateway gateway, byte protocol, ushort port, ushort sourcePort = 40000)
    {
        var buffer = new byte[128];
        var transport = protocol == IpProtocol.Tcp ? 20 : 8;
        var length = 14 + 20 + transport;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(12), 0x0800);
        var ip = buffer.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + transport));
        ip[8] = 64;
        ip[9] = protocol;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], Client);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], Public);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Alg.Runtime.Checksums.InternetChecksum.Compute(ip[..20]));
        BinaryPrimitives.WriteUInt16BigEndian(ip[20..], sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(ip[22..], port);
        if (protocol == IpProtocol.Tcp)
        {
            ip[32] = 0x50;
            ip[33] = 0x02;
            BinaryPrimitives.WriteUInt16BigEndian(ip[34..], 65535);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(ip[24..], 8);
        }

        var packet = new PacketBuffer(buffer, 0, length, buffer.Length);
        var verdict = gateway.Nat.Process(ref packet, LinkType.Ethernet, 1_000_000_000, IngressSide.Outside);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        return (verdict, info.DestinationAddress);
    }
}
