using Alg.Runtime.Packets;

namespace Alg.Runtime.Capture;

/// <summary>One captured frame, valid until the reader reads the next one.</summary>
/// <remarks><see cref="Data"/> points into the reader's reusable buffer: copy it to keep it.</remarks>
public readonly ref struct CaptureRecord
{
    public CaptureRecord(long number, int interfaceIndex, CaptureInterface captureInterface, long timestampNanoseconds, int originalLength, ReadOnlySpan<byte> data)
    {
        Number = number;
        InterfaceIndex = interfaceIndex;
        Interface = captureInterface;
        TimestampNanoseconds = timestampNanoseconds;
        OriginalLength = originalLength;
        Data = data;
    }

    /// <summary>1-based record number, as Wireshark numbers frames.</summary>
    public long Number { get; }

    public int InterfaceIndex { get; }

    public CaptureInterface Interface { get; }

    public LinkType LinkType => Interface.LinkType;

    /// <summary>Nanoseconds since the Unix epoch.</summary>
    public long TimestampNanoseconds { get; }

    /// <summary>The length on the wire; <see cref="Data"/> may be shorter (snap length).</summary>
    public int OriginalLength { get; }

    public ReadOnlySpan<byte> Data { get; }
}
