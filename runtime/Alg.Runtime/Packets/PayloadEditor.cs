using System.Buffers.Binary;
using Alg.Runtime.Checksums;

namespace Alg.Runtime.Packets;

/// <summary>Length-changing payload edits for ALGs: splice bytes in place and fix every length and checksum.</summary>
/// <remarks>
/// The frame grows into the <see cref="PacketBuffer"/>'s head-room (never a new array). IPv4 total length or
/// IPv6 payload length, the UDP length, the IPv4 header checksum and the transport checksum (recomputed in
/// full) are updated. For TCP the caller also records the delta in its
/// <see cref="Reassembly.SequenceOffsetTracker"/> (RFC 2663 §7.1). Bytes after the IP datagram (Ethernet
/// padding) move with the end of the frame.
/// </remarks>
public static class PayloadEditor
{
    /// <summary>Replaces <paramref name="removeLength"/> bytes at frame offset <paramref name="position"/> with <paramref name="replacement"/>.</summary>
    /// <returns>None, or why the edit was refused (<see cref="DropReason.BufferTooSmall"/>, <see cref="DropReason.BadIpTotalLength"/>).</returns>
    public static DropReason TryReplace(ref PacketBuffer packet, ref PacketInfo info, int position, int removeLength, ReadOnlySpan<byte> replacement)
    {
        if (position < info.PayloadOffset || removeLength < 0 || position + removeLength > info.PacketEnd || (info.Flags & PacketFlags.Fragment) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(position), "the edit must lie inside the payload of an unfragmented packet");
        }

        var delta = replacement.Length - removeLength;
        var ipLength = info.PacketEnd - info.NetworkOffset + delta;
        if ((info.IpVersion == 4 && ipLength > 65535) || (info.IpVersion == 6 && ipLength - 40 > 65535))
        {
            return DropReason.BadIpTotalLength;
        }

        // An SCTP packet's CRC32c is recomputed after the edit; one that came wrong stays as wrong (RFC 9260 §6.8).
        var sctpError = info.Protocol == IpProtocol.Sctp ? Nat.PacketRewriter.SctpChecksumError(packet.Span[info.TransportOffset..info.PacketEnd]) : 0u;
        var oldLength = packet.Length;
        if (!packet.TryResize(oldLength + delta))
        {
            return DropReason.BufferTooSmall;
        }

        var frame = packet.Array.AsSpan(packet.Offset, Math.Max(oldLength, packet.Length));
        var tailStart = position + removeLength;
        frame[tailStart..oldLength].CopyTo(frame[(tailStart + delta)..]);
        replacement.CopyTo(frame[position..]);
        frame = packet.Span;
        info.PacketEnd += delta;

        if (info.IpVersion == 4)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame[(info.NetworkOffset + 2)..], (ushort)ipLength);
            PacketChecksums.FixIpv4Header(frame, in info);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame[(info.NetworkOffset + 4)..], (ushort)(ipLength - 40));
        }

        if (info.Protocol == IpProtocol.Udp)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame[(info.TransportOffset + 4)..], (ushort)(info.PacketEnd - info.TransportOffset));
        }

        if (info.Protocol == IpProtocol.Sctp)
        {
            // RFC 9260 §6.8: the CRC32c covers the whole packet and cannot be updated in place.
            Nat.PacketRewriter.RecomputeSctpChecksum(frame[info.TransportOffset..info.PacketEnd], sctpError);
        }
        else
        {
            PacketChecksums.FixTransport(frame, in info);
        }

        return DropReason.None;
    }
}
