using System.Buffers.Binary;
using Alg.Policy.Algs;
using Alg.Runtime.Capture;
using Alg.Runtime.Checksums;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.SqlNet;

/// <summary>
/// Real traffic (tests/data/lab/sqlnet-redirect, MANIFEST): python-oracledb 1.2.1's thin client against
/// tests/lab/tns-listener.py on loopback (algs.md §8.5). The client follows a REDIRECT whose text comes in the DATA
/// packet after it (the "split" capture: CONNECT, REDIRECT with only its length, DATA with the address, then a new
/// connection to the redirected port with its CONNECT and the listener's REFUSE); it does not follow a REDIRECT carrying
/// its text inline (the "inline" capture: it waits and the listener closes).
/// </summary>
/// <remarks>Replayed with the client inside (127.0.0.1 becomes 192.168.1.10) and the listener outside at 192.0.2.9:
/// the listener's address is replaced in the IP headers and in the TNS text by an address of the same length, so every
/// length and sequence number stays as captured — what a capture of a server at 192.0.2.9 would hold.</remarks>
public sealed class SqlNetLabCaptureTests
{
    private const ushort ListenerPort = 31521;
    private const ushort RedirectedPort = 31522;
    private static readonly uint Listener = Ip.V4("192.0.2.9");

    [Fact]
    public void Oracledb_follows_a_split_redirect_and_its_new_connection_is_admitted_and_inspected_algs_8_5()
    {
        var gateway = new AlgHarness("sqlnet", ListenerPort, false, [AlgPort.Tcp(ListenerPort)], FtpEngine.Both);
        long inspectedBeforeSecondConnection = -1;
        var replayed = Replay(gateway, "oracledb-split.pcap", (frame, info, sent) =>
        {
            if (info.DestinationPort == RedirectedPort && (info.TcpFlags & TcpFlags.Syn) != 0)
            {
                // The REDIRECT's DATA opened the way to the redirected port, and this SYN used it.
                Assert.True(sent.Forwarded);
                Assert.Equal(0, gateway.Engine.Expectations.Count);
                inspectedBeforeSecondConnection = gateway.Counters.Inspected;
            }
        });

        Assert.All(replayed, sent => Assert.True(sent.Forwarded && PacketBuilder.ChecksumsValid(sent.Frame)));
        var redirectText = replayed.Select(s => s.Payload).Single(p => p.Contains("(PORT=31522)", StringComparison.Ordinal));
        Assert.Contains("(ADDRESS=(PROTOCOL=tcp)(HOST=192.0.2.9)(PORT=31522))\0(DESCRIPTION=", redirectText, StringComparison.Ordinal);
        Assert.Equal(1, gateway.Counters.PinholesOpened);
        Assert.Equal(0, gateway.Counters.Malformed);
        Assert.Equal(0, gateway.Counters.PartsRefused);

        // The second connection (port 31522, no ALG's) is read by the SQL*Net ALG: its CONNECT and REFUSE count.
        Assert.True(gateway.Counters.Inspected > inspectedBeforeSecondConnection + 1, $"{gateway.Counters.Inspected} inspections, {inspectedBeforeSecondConnection} before the redirected connection");
        Assert.Contains(replayed, s => s.Info.SourcePort == RedirectedPort && s.PayloadBytes.Length > 4 && s.PayloadBytes[4] == Tns.Refuse);
    }

    [Fact]
    public void An_inline_redirect_opens_its_pinhole_though_oracledb_1_2_1_does_not_follow_it()
    {
        var gateway = new AlgHarness("sqlnet", ListenerPort, false, [AlgPort.Tcp(ListenerPort)], FtpEngine.Both);

        var replayed = Replay(gateway, "oracledb-inline.pcap", (_, _, _) => { });

        Assert.All(replayed, sent => Assert.True(sent.Forwarded && PacketBuilder.ChecksumsValid(sent.Frame)));
        Assert.Equal(1, gateway.Counters.PinholesOpened);
        Assert.Equal(1, gateway.Engine.Expectations.Count);
        Assert.Equal(0, gateway.Counters.Malformed);
    }

    private static List<SentPacket> Replay(AlgHarness gateway, string file, Action<byte[], PacketInfo, SentPacket> check)
    {
        var sentPackets = new List<SentPacket>();
        var clientMappings = new Dictionary<ushort, (uint Address, ushort Port)>();
        using var reader = CaptureReader.Open(Path.Combine(LabData.Scenario("sqlnet-redirect"), file));
        while (reader.TryRead(out var record))
        {
            if (!PacketDecoder.Decode(record.Data, record.LinkType, out var info) || info.Protocol != IpProtocol.Tcp)
            {
                continue;
            }

            var fromClient = info.DestinationPort is ListenerPort or RedirectedPort;
            var frame = record.Data[..info.PacketEnd].ToArray();
            ReplaceAddressText(frame.AsSpan(info.PayloadOffset, info.PayloadLength));
            var ip = frame.AsSpan(info.NetworkOffset);
            if (fromClient)
            {
                BinaryPrimitives.WriteUInt32BigEndian(ip[12..], AlgHarness.Client);
                BinaryPrimitives.WriteUInt32BigEndian(ip[16..], Listener);
            }
            else
            {
                var mapped = clientMappings[info.DestinationPort];
                BinaryPrimitives.WriteUInt32BigEndian(ip[12..], Listener);
                BinaryPrimitives.WriteUInt32BigEndian(ip[16..], mapped.Address);
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(info.TransportOffset + 2), mapped.Port);
            }

            // Loopback captures carry partial (offloaded) checksums: compute them whole.
            BinaryPrimitives.WriteUInt16BigEndian(ip[10..], 0);
            BinaryPrimitives.WriteUInt16BigEndian(ip[10..], InternetChecksum.Compute(ip[..((ip[0] & 0x0F) * 4)]));
            PacketBuilder.FixTransportChecksum(frame);

            var sent = gateway.Send(frame, fromClient ? IngressSide.Inside : IngressSide.Outside);
            if (fromClient && sent.Forwarded)
            {
                clientMappings[info.SourcePort] = (sent.Info.SourceAddress, sent.Info.SourcePort);
            }

            check(frame, info, sent);
            sentPackets.Add(sent);
        }

        return sentPackets;
    }

    private static void ReplaceAddressText(Span<byte> payload)
    {
        var from = "127.0.0.1"u8;
        var to = "192.0.2.9"u8;
        for (var at = payload.IndexOf(from); at >= 0; at = payload.IndexOf(from))
        {
            to.CopyTo(payload[at..]);
        }
    }
}
