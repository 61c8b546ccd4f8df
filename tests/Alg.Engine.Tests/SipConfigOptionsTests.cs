using System.Buffers.Binary;
using System.Text;
using Alg.Compiler;
using Alg.Policy.Text;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Pipeline;

namespace Alg.Engine.Tests;

/// <summary>
/// The SIP ALG's options come from the user's configuration, end to end: an ASA <c>policy-map type inspect sip</c>
/// with <c>strict-header-validation action drop</c> (RFC 3261 §8.1.1 mandatory headers) drops a message without a
/// Call-ID, on both engines, and a valid INVITE on the same gateway is translated.
/// </summary>
public sealed class SipConfigOptionsTests
{
    private const string AsaConfig = """
        ASA Version 9.8(2)
        hostname fw
        interface GigabitEthernet0/0
         nameif outside
         security-level 0
         ip address 203.0.113.1 255.255.255.0
        interface GigabitEthernet0/1
         nameif inside
         security-level 100
         ip address 192.168.1.1 255.255.255.0
        object network inside-net
         subnet 192.168.1.0 255.255.255.0
         nat (inside,outside) dynamic interface
        policy-map type inspect sip SIPMAP
         parameters
          strict-header-validation action drop log
        policy-map global_policy
         class inspection_default
          inspect sip SIPMAP
        service-policy global_policy global
        """;

    [Theory]
    [InlineData(EngineMode.Interpreter)]
    [InlineData(EngineMode.Compiled)]
    public void Asa_strict_header_validation_drops_a_message_without_call_id_and_translates_a_valid_one(EngineMode mode)
    {
        var result = ConfigurationLoader.Load(new SourceText("asa-sip.cfg", AsaConfig));
        Assert.NotNull(result.Policy);
        using var gateway = Gateway.Create(result.Policy, mode);

        var noCallId = "OPTIONS sip:bob@203.0.113.20 SIP/2.0\r\nVia: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-o\r\n" +
            "From: <sip:a@192.168.1.10:5060>;tag=1\r\nTo: <sip:bob@203.0.113.20>\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        var (dropped, _) = Send(gateway, noCallId);
        Assert.Equal(NatAction.Drop, dropped.Action);
        Assert.Equal(DropReason.AlgPolicyViolation, dropped.Reason);

        var valid = noCallId.Replace("CSeq: 1 OPTIONS", "Call-ID: ok-1\r\nCSeq: 1 OPTIONS", StringComparison.Ordinal);
        var (forwarded, payload) = Send(gateway, valid);
        Assert.Equal(NatAction.Forward, forwarded.Action);
        Assert.Contains("Via: SIP/2.0/UDP 203.0.113.1:5060;", payload, StringComparison.Ordinal);
        Assert.Equal(1, gateway.Nat.Algs!.CountersFor("sip").PolicyDrops);
    }

    private static (NatVerdict Verdict, string Payload) Send(Gateway gateway, string message)
    {
        var payload = Encoding.ASCII.GetBytes(message);
        var buffer = new byte[4096];
        var length = 14 + 20 + 8 + payload.Length;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(12), 0x0800);
        var ip = buffer.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(28 + payload.Length));
        ip[8] = 64;
        ip[9] = IpProtocol.Udp;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], 0xC0A8010A);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], 0xCB007114);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Alg.Runtime.Checksums.InternetChecksum.Compute(ip[..20]));
        BinaryPrimitives.WriteUInt16BigEndian(ip[20..], 5060);
        BinaryPrimitives.WriteUInt16BigEndian(ip[22..], 5060);
        BinaryPrimitives.WriteUInt16BigEndian(ip[24..], (ushort)(8 + payload.Length));
        payload.CopyTo(ip[28..]);
        var packet = new PacketBuffer(buffer, 0, length, buffer.Length);
        var verdict = gateway.Nat.Process(ref packet, LinkType.Ethernet, 1_000_000_000, IngressSide.Inside);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        return (verdict, Encoding.ASCII.GetString(packet.Span[info.PayloadOffset..info.PacketEnd]));
    }
}
