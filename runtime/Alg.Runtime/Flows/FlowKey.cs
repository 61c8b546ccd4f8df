using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Alg.Runtime.Flows;

/// <summary>An IPv4 5-tuple as seen arriving on one side of the gateway.</summary>
/// <remarks>16 bytes, compared as two 64-bit words. For ICMP queries both ports hold the echo identifier; for PPTP's
/// enhanced GRE the destination port holds the call id the packet carries (the receiver's, RFC 2637 §4.1) and the
/// source port is 0; for ESP the two ports hold the SPI (RFC 4303 §2.1), high half first.</remarks>
[StructLayout(LayoutKind.Sequential, Pack = 4, Size = 16)]
public readonly struct FlowKey : IEquatable<FlowKey>
{
    public FlowKey(uint source, uint destination, ushort sourcePort, ushort destinationPort, byte protocol, FlowSide side)
    {
        Source = source;
        Destination = destination;
        SourcePort = sourcePort;
        DestinationPort = destinationPort;
        Protocol = protocol;
        Side = side;
        _oneWay = 0;
    }

    private FlowKey(uint source, uint destination, ushort sourcePort, ushort destinationPort, byte protocol, FlowSide side, ushort oneWay)
        : this(source, destination, sourcePort, destinationPort, protocol, side)
    {
        _oneWay = oneWay;
    }

    public uint Source { get; }

    public uint Destination { get; }

    public ushort SourcePort { get; }

    public ushort DestinationPort { get; }

    public byte Protocol { get; }

    public FlowSide Side { get; }

    // Zero in every key a packet makes, so a key with it set is never found by a packet (see OneWay).
    private readonly ushort _oneWay;

    /// <summary>
    /// The reply key of a flow whose other direction is a different conversation that packets never reach by this key:
    /// an ESP security association carries one SPI one way only, so the packets coming back (another SPI) are another
    /// flow. It still names the addresses the flow's packets leave with (a packet of the flow leaves as its reverse)
    /// and is unique, so an ICMP error quoting what left can find the flow by it.
    /// </summary>
    public static FlowKey OneWay(uint source, uint destination, ushort sourcePort, ushort destinationPort, byte protocol, FlowSide side) =>
        new(source, destination, sourcePort, destinationPort, protocol, side, 1);

    /// <summary>True for a key made by <see cref="OneWay"/>.</summary>
    public bool IsOneWay => _oneWay != 0;

    public static bool operator ==(FlowKey left, FlowKey right) => left.Equals(right);

    public static bool operator !=(FlowKey left, FlowKey right) => !left.Equals(right);

    /// <summary>The same conversation seen in the other direction, arriving on <paramref name="side"/>.</summary>
    public FlowKey Reverse(FlowSide side) => new(Destination, Source, DestinationPort, SourcePort, Protocol, side);

    /// <summary>This key with both ports 0: how a pinhole for a protocol without ports (an ESP gate) is looked up.</summary>
    public FlowKey WithoutPorts() => new(Source, Destination, 0, 0, Protocol, Side);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Equals(FlowKey other)
    {
        ref var self = ref Unsafe.As<FlowKey, ulong>(ref Unsafe.AsRef(in this));
        ref var that = ref Unsafe.As<FlowKey, ulong>(ref other);
        return self == that && Unsafe.Add(ref self, 1) == Unsafe.Add(ref that, 1);
    }

    public override bool Equals(object? obj) => obj is FlowKey other && Equals(other);

    public override int GetHashCode() => (int)Hash(0);

    /// <summary>A keyed hash: the seed is secret per table so remote peers cannot aim at one bucket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Hash(ulong seed)
    {
        ref var words = ref Unsafe.As<FlowKey, ulong>(ref Unsafe.AsRef(in this));
        var h = (words ^ seed) * 0x9E3779B97F4A7C15UL;
        h ^= (Unsafe.Add(ref words, 1) + seed) * 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 29;
        h *= 0x165667B19E3779F9UL;
        return h ^ (h >> 32);
    }

    public override string ToString() =>
        $"{Side} {Protocol} {Format(Source)}:{SourcePort} -> {Format(Destination)}:{DestinationPort}{(IsOneWay ? " one-way" : string.Empty)}";

    private static string Format(uint address) => new Alg.Policy.Model.Ipv4Address(address).ToString();
}
