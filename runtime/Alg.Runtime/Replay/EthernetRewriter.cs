using System.Buffers.Binary;
using Alg.Runtime.Flows;

namespace Alg.Runtime.Replay;

/// <summary>
/// Gives forwarded Ethernet frames the addresses the gateway would send them with: its own MAC on the exit
/// side as source, the next hop's as destination. Both are learnt from the frames that arrive on each
/// side (a frame arriving on a side is addressed to the gateway's MAC there and comes from a host's MAC).
/// </summary>
internal sealed class EthernetRewriter
{
    private readonly ulong[] _gatewayMac = new ulong[2];
    private readonly ulong[] _lastPeerMac = new ulong[2];
    private readonly Dictionary<uint, ulong>[] _hostMac = [new(), new()];

    public void Learn(ReadOnlySpan<byte> frame, FlowSide arrival, uint sourceAddress)
    {
        if (frame.Length < 14)
        {
            return;
        }

        var destination = ReadMac(frame);
        var source = ReadMac(frame[6..]);
        var side = (int)arrival;

        // Group addresses (broadcast, multicast) are not the gateway's own.
        if ((frame[0] & 1) == 0)
        {
            _gatewayMac[side] = destination;
        }

        _lastPeerMac[side] = source;
        _hostMac[side][sourceAddress] = source;
    }

    public void Rewrite(Span<byte> frame, FlowSide exit, uint destinationAddress)
    {
        if (frame.Length < 14)
        {
            return;
        }

        var side = (int)exit;
        var nextHop = _hostMac[side].TryGetValue(destinationAddress, out var known) ? known : _lastPeerMac[side];
        if (nextHop != 0)
        {
            WriteMac(frame, nextHop);
        }

        if (_gatewayMac[side] != 0)
        {
            WriteMac(frame[6..], _gatewayMac[side]);
        }
    }

    private static ulong ReadMac(ReadOnlySpan<byte> bytes) =>
        ((ulong)BinaryPrimitives.ReadUInt16BigEndian(bytes) << 32) | BinaryPrimitives.ReadUInt32BigEndian(bytes[2..]);

    private static void WriteMac(Span<byte> bytes, ulong mac)
    {
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(mac >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[2..], (uint)mac);
    }
}
