using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>One IPv4 frame of a lab capture, decoded.</summary>
public sealed record LabPacket(long Number, long Time, byte[] Frame, PacketInfo Info);
