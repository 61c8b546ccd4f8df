using System.Buffers.Binary;
using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>
/// Replays a capture taken next to a client through an engine as if the gateway stood between client and server.
/// </summary>
/// <remarks>
/// Whoever sends to <c>servicePort</c> is a client and enters inside. A packet addressed to a known client is
/// first re-addressed to that client's mapped endpoint (what the server really saw and answered) and enters
/// outside. Anything else enters outside as captured. Only IPv4 UDP/TCP on Ethernet is replayed.
/// </remarks>
public sealed class ClientSideReplay(NatEngine engine, ushort servicePort)
{
    private readonly Dictionary<ulong, ulong> _mappedByClient = [];

    public List<ReplayedPacket> Packets { get; } = [];

    /// <summary>The last frame (as given to the engine) from a client and from a server, for steady-state loops.</summary>
    public byte[]? LastClientFrame { get; private set; }

    public byte[]? LastServerFrame { get; private set; }

    public static ulong Endpoint(uint address, ushort port) => (ulong)address << 16 | port;

    public ClientSideReplay Run(string path)
    {
        using var reader = CaptureReader.Open(path);
        var buffer = new byte[70_000];
        while (reader.TryRead(out var record))
        {
            if (!PacketDecoder.Decode(record.Data, record.LinkType, out var captured) || captured.IpVersion != 4 || (captured.Flags & PacketFlags.HasPorts) == 0)
            {
                continue;
            }

            var before = captured;

            var frame = record.Data.ToArray();
            var source = Endpoint(before.SourceAddress, before.SourcePort);
            var destination = Endpoint(before.DestinationAddress, before.DestinationPort);
            bool fromClient;
            if (before.DestinationPort == servicePort || _mappedByClient.ContainsKey(source))
            {
                fromClient = true;
                _mappedByClient.TryAdd(source, 0);
            }
            else
            {
                fromClient = false;
                if (_mappedByClient.TryGetValue(destination, out var mapped) && mapped != 0)
                {
                    PacketRewriter.RewriteIpv4(frame, ref before, before.SourceAddress, before.SourcePort, (uint)(mapped >> 16), (ushort)mapped);
                }
            }

            frame.CopyTo(buffer, 0);
            var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
            PacketDecoder.Decode(packet.Span, record.LinkType, out var after);
            var verdict = engine.Process(ref packet, ref after, record.TimestampNanoseconds, fromClient ? IngressSide.Inside : IngressSide.Outside);
            if (fromClient && verdict.Action == NatAction.Forward && _mappedByClient[source] == 0)
            {
                _mappedByClient[source] = Endpoint(after.SourceAddress, after.SourcePort);
            }

            if (fromClient)
            {
                LastClientFrame = frame;
            }
            else
            {
                LastServerFrame = frame;
            }

            Packets.Add(new ReplayedPacket(record.Number, fromClient, verdict, captured, before, after, packet.Span.ToArray(), record.LinkType));
        }

        return this;
    }

    /// <summary>The UDP/TCP payload of a replayed frame.</summary>
    public static ReadOnlySpan<byte> Payload(ReplayedPacket packet) => packet.Output.AsSpan(packet.After.PayloadOffset, packet.After.PayloadLength);

    public static ushort Opcode(ReplayedPacket packet) =>
        packet.After.PayloadLength >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(Payload(packet)) : (ushort)0;
}
