namespace Alg.Runtime.Packets;

/// <summary>A frame held in a slice of an array that the engine may rewrite in place.</summary>
/// <remarks>
/// Invariant: <c>0 &lt;= Length &lt;= Capacity &lt;= Array.Length - Offset</c>. The gap between
/// <see cref="Length"/> and <see cref="Capacity"/> is head-room for later stages (ALGs, fragment reassembly)
/// that make a packet longer without copying it to a new array.
/// </remarks>
public struct PacketBuffer
{
    public PacketBuffer(byte[] array, int offset, int length, int capacity)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (offset < 0 || length < 0 || capacity < length || capacity > array.Length - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "need 0 <= length <= capacity <= array.Length - offset");
        }

        Array = array;
        Offset = offset;
        Length = length;
        Capacity = capacity;
    }

    public byte[] Array { get; }

    public int Offset { get; }

    public int Length { get; private set; }

    public int Capacity { get; }

    public readonly Span<byte> Span => Array.AsSpan(Offset, Length);

    /// <summary>Wraps a whole array with no head-room.</summary>
    public static PacketBuffer Wrap(byte[] frame) => new(frame, 0, frame.Length, frame.Length);

    /// <summary>Changes the frame length within the capacity; false when it does not fit.</summary>
    public bool TryResize(int newLength)
    {
        if (newLength < 0 || newLength > Capacity)
        {
            return false;
        }

        Length = newLength;
        return true;
    }
}
