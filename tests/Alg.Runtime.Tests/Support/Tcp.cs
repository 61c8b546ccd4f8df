using System.Buffers.Binary;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>Reads TCP header fields of a decoded frame.</summary>
public static class Tcp
{
    public static uint Sequence(byte[] frame, in PacketInfo info) => BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(info.TransportOffset + 4));

    public static uint Acknowledgment(byte[] frame, in PacketInfo info) => BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(info.TransportOffset + 8));
}
