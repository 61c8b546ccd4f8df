using System.Buffers.Binary;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Capture;

/// <summary>Reads pcap and pcapng files record by record into one reusable buffer.</summary>
/// <remarks>
/// Memory stays flat whatever the file size: the buffer grows to the largest record seen, capped by
/// <see cref="MaxRecordBytes"/>. Every problem is a <see cref="CaptureFormatException"/> naming the file
/// and the record number; a clean end of file at a record boundary is just the end.
/// pcap: https://www.tcpdump.org/manpages/pcap-savefile.5.html ; pcapng: draft-ietf-opsawg-pcapng §4.
/// </remarks>
public sealed class CaptureReader : IDisposable
{
    /// <summary>The largest block or record accepted; bigger ones are treated as corruption.</summary>
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    private const uint PcapMagicMicroseconds = 0xA1B2C3D4;
    private const uint PcapMagicNanoseconds = 0xA1B23C4D;
    private const uint PcapNgSectionHeader = 0x0A0D0D0A;
    private const uint PcapNgByteOrderMagic = 0x1A2B3C4D;
    private const uint BlockInterfaceDescription = 1;
    private const uint BlockPacketObsolete = 2;
    private const uint BlockSimplePacket = 3;
    private const uint BlockEnhancedPacket = 6;

    private readonly Stream _stream;
    private readonly string _source;
    private readonly bool _ownsStream;
    private readonly List<CaptureInterface> _interfaces = [];
    private byte[] _buffer = new byte[64 * 1024];
    private bool _bigEndian;
    private long _recordNumber;

    public CaptureReader(Stream stream, string sourceName, bool ownsStream = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _source = sourceName;
        _ownsStream = ownsStream;
        ReadFileHeader();
    }

    public CaptureFormat Format { get; private set; }

    /// <summary>Interfaces of the current pcapng section (or the single pcap one).</summary>
    public IReadOnlyList<CaptureInterface> Interfaces => _interfaces;

    /// <summary>Records returned so far.</summary>
    public long RecordsRead => _recordNumber;

    public static CaptureReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), Path.GetFileName(path), ownsStream: true);

    /// <summary>Reads the next packet record; false at a clean end of file.</summary>
    /// <exception cref="CaptureFormatException">The file is corrupt or truncated.</exception>
    public bool TryRead(out CaptureRecord record) =>
        Format == CaptureFormat.Pcap ? TryReadPcap(out record) : TryReadPcapNg(out record);

    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    private void ReadFileHeader()
    {
        Span<byte> magicBytes = stackalloc byte[4];
        if (ReadFully(magicBytes) != 4)
        {
            throw Error(0, "file is shorter than a capture header (not a pcap or pcapng file)");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(magicBytes);
        if (magic == PcapNgSectionHeader)
        {
            Format = CaptureFormat.PcapNg;
            ReadSectionHeader();
            return;
        }

        Format = CaptureFormat.Pcap;
        ulong unitsPerSecond;
        if (magic is PcapMagicMicroseconds or PcapMagicNanoseconds)
        {
            _bigEndian = false;
            unitsPerSecond = magic == PcapMagicMicroseconds ? 1_000_000UL : 1_000_000_000UL;
        }
        else
        {
            var swapped = BinaryPrimitives.ReverseEndianness(magic);
            if (swapped is not (PcapMagicMicroseconds or PcapMagicNanoseconds))
            {
                throw Error(0, $"unknown magic number 0x{magic:X8} (not a pcap or pcapng file)");
            }

            _bigEndian = true;
            unitsPerSecond = swapped == PcapMagicMicroseconds ? 1_000_000UL : 1_000_000_000UL;
        }

        Span<byte> header = stackalloc byte[20];
        if (ReadFully(header) != 20)
        {
            throw Error(0, "pcap file header is truncated");
        }

        var snapLength = (int)Math.Min(ReadUInt32(header[12..]), int.MaxValue);

        // The upper bits of the link-type field carry FCS information (pcap-savefile(5)); the type is the low 16.
        var linkType = (LinkType)(ReadUInt32(header[16..]) & 0xFFFF);
        CheckLinkType(linkType);
        _interfaces.Add(new CaptureInterface(linkType, snapLength, unitsPerSecond, 0));
    }

    private bool TryReadPcap(out CaptureRecord record)
    {
        record = default;
        var number = _recordNumber + 1;
        Span<byte> header = stackalloc byte[16];
        var got = ReadFully(header);
        if (got == 0)
        {
            return false;
        }

        if (got < 16)
        {
            throw Error(number, $"record header is truncated ({got} of 16 bytes before end of file)");
        }

        var seconds = ReadUInt32(header);
        var fraction = ReadUInt32(header[4..]);
        var capturedLength = ReadUInt32(header[8..]);
        var originalLength = ReadUInt32(header[12..]);
        if (capturedLength > MaxRecordBytes)
        {
            throw Error(number, $"captured length {capturedLength} is larger than the {MaxRecordBytes}-byte limit (corrupt file)");
        }

        var length = (int)capturedLength;
        EnsureBuffer(length);
        got = ReadFully(_buffer.AsSpan(0, length));
        if (got < length)
        {
            throw Error(number, $"record data is truncated ({got} of {length} bytes before end of file)");
        }

        var captureInterface = _interfaces[0];
        var nanoseconds = ToNanoseconds(((ulong)seconds * captureInterface.UnitsPerSecond) + fraction, captureInterface);
        _recordNumber = number;
        record = new CaptureRecord(number, 0, captureInterface, nanoseconds, (int)Math.Min(originalLength, int.MaxValue), _buffer.AsSpan(0, length));
        return true;
    }

    private void ReadSectionHeader()
    {
        // Block type already consumed. SHB: total length, byte-order magic, version, section length, options.
        Span<byte> fixedPart = stackalloc byte[8];
        if (ReadFully(fixedPart) != 8)
        {
            throw Error(_recordNumber + 1, "pcapng section header block is truncated");
        }

        var byteOrder = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[4..]);
        if (byteOrder == PcapNgByteOrderMagic)
        {
            _bigEndian = false;
        }
        else if (byteOrder == BinaryPrimitives.ReverseEndianness(PcapNgByteOrderMagic))
        {
            _bigEndian = true;
        }
        else
        {
            throw Error(_recordNumber + 1, $"pcapng byte-order magic 0x{byteOrder:X8} is invalid");
        }

        var totalLength = ReadUInt32(fixedPart);
        CheckBlockLength(totalLength, minimum: 28);

        // The rest after type, length and byte-order magic: version, section length, options, trailing length.
        var rest = (int)totalLength - 12;
        EnsureBuffer(rest);
        if (ReadFully(_buffer.AsSpan(0, rest)) != rest)
        {
            throw Error(_recordNumber + 1, "pcapng section header block is truncated");
        }

        CheckTrailingLength(_buffer.AsSpan(0, rest), totalLength);
        _interfaces.Clear();
    }

    private bool TryReadPcapNg(out CaptureRecord record)
    {
        record = default;
        Span<byte> blockHeader = stackalloc byte[8];
        while (true)
        {
            var number = _recordNumber + 1;
            var got = ReadFully(blockHeader[..4]);
            if (got == 0)
            {
                return false;
            }

            if (got < 4)
            {
                throw Error(number, "pcapng block header is truncated");
            }

            if (BinaryPrimitives.ReadUInt32LittleEndian(blockHeader) == PcapNgSectionHeader)
            {
                ReadSectionHeader();
                continue;
            }

            if (ReadFully(blockHeader[4..]) != 4)
            {
                throw Error(number, "pcapng block header is truncated");
            }

            var type = ReadUInt32(blockHeader);
            var totalLength = ReadUInt32(blockHeader[4..]);
            CheckBlockLength(totalLength, minimum: 12);
            var bodyLength = (int)totalLength - 8;
            EnsureBuffer(bodyLength);
            got = ReadFully(_buffer.AsSpan(0, bodyLength));
            if (got < bodyLength)
            {
                throw Error(number, $"pcapng block (type {type}) is truncated ({got + 8} of {totalLength} bytes before end of file)");
            }

            var body = _buffer.AsSpan(0, bodyLength);
            CheckTrailingLength(body, totalLength);
            body = body[..^4];
            switch (type)
            {
                case BlockInterfaceDescription:
                    ReadInterfaceDescription(body);
                    break;
                case BlockEnhancedPacket:
                    record = ReadEnhancedPacket(body, number);
                    _recordNumber = number;
                    return true;
                case BlockSimplePacket:
                    record = ReadSimplePacket(body, number);
                    _recordNumber = number;
                    return true;
                case BlockPacketObsolete:
                    record = ReadObsoletePacket(body, number);
                    _recordNumber = number;
                    return true;
                default:
                    // Name resolution, statistics, custom and unknown blocks carry no packets (pcapng §4: skip).
                    break;
            }
        }
    }

    private void ReadInterfaceDescription(ReadOnlySpan<byte> body)
    {
        // pcapng §4.2: link type (16), reserved (16), snap length (32), options.
        if (body.Length < 8)
        {
            throw Error(_recordNumber + 1, "pcapng interface description block is too short");
        }

        var linkType = (LinkType)ReadUInt16(body);
        CheckLinkType(linkType);
        var snapLength = (int)Math.Min(ReadUInt32(body[4..]), int.MaxValue);
        ulong unitsPerSecond = 1_000_000;
        long offsetSeconds = 0;
        var options = body[8..];
        while (options.Length >= 4)
        {
            var code = ReadUInt16(options);
            int length = ReadUInt16(options[2..]);
            if (code == 0 || 4 + length > options.Length)
            {
                break;
            }

            var value = options.Slice(4, length);
            if (code == 9 && length >= 1)
            {
                // if_tsresol: MSB clear = 10^-n, set = 2^-n.
                var exponent = value[0] & 0x7F;
                if ((value[0] & 0x80) == 0)
                {
                    if (exponent > 19)
                    {
                        throw Error(_recordNumber + 1, $"if_tsresol 10^-{exponent} is beyond 64-bit timestamps");
                    }

                    unitsPerSecond = 1;
                    for (var i = 0; i < exponent; i++)
                    {
                        unitsPerSecond *= 10;
                    }
                }
                else
                {
                    if (exponent > 63)
                    {
                        throw Error(_recordNumber + 1, $"if_tsresol 2^-{exponent} is beyond 64-bit timestamps");
                    }

                    unitsPerSecond = 1UL << exponent;
                }
            }
            else if (code == 14 && length >= 8)
            {
                offsetSeconds = (long)ReadUInt64(value);
            }

            options = options[Math.Min(options.Length, 4 + ((length + 3) & ~3))..];
        }

        _interfaces.Add(new CaptureInterface(linkType, snapLength, unitsPerSecond, offsetSeconds));
    }

    private CaptureRecord ReadEnhancedPacket(ReadOnlySpan<byte> body, long number)
    {
        // pcapng §4.3: interface id, timestamp high, timestamp low, captured length, original length, data.
        if (body.Length < 20)
        {
            throw Error(number, "enhanced packet block is too short");
        }

        var captureInterface = FindInterface(ReadUInt32(body), number);
        var timestamp = ((ulong)ReadUInt32(body[4..]) << 32) | ReadUInt32(body[8..]);
        var capturedLength = ReadUInt32(body[12..]);
        var originalLength = ReadUInt32(body[16..]);
        if (capturedLength > (uint)(body.Length - 20))
        {
            throw Error(number, $"enhanced packet block captured length {capturedLength} exceeds its block");
        }

        return new CaptureRecord(
            number,
            (int)ReadUInt32(body),
            captureInterface,
            ToNanoseconds(timestamp, captureInterface),
            (int)Math.Min(originalLength, int.MaxValue),
            body.Slice(20, (int)capturedLength));
    }

    private CaptureRecord ReadSimplePacket(ReadOnlySpan<byte> body, long number)
    {
        // pcapng §4.4: original length then data; captured length is min(original, snap length, block room).
        if (body.Length < 4)
        {
            throw Error(number, "simple packet block is too short");
        }

        var captureInterface = FindInterface(0, number);
        var originalLength = ReadUInt32(body);
        var capturedLength = (int)Math.Min(Math.Min(originalLength, (uint)(body.Length - 4)), captureInterface.SnapLength == 0 ? uint.MaxValue : (uint)captureInterface.SnapLength);
        return new CaptureRecord(number, 0, captureInterface, 0, (int)Math.Min(originalLength, int.MaxValue), body.Slice(4, capturedLength));
    }

    private CaptureRecord ReadObsoletePacket(ReadOnlySpan<byte> body, long number)
    {
        // pcapng Appendix: interface id (16), drops (16), timestamp high/low, captured, original, data.
        if (body.Length < 20)
        {
            throw Error(number, "packet block is too short");
        }

        var captureInterface = FindInterface(ReadUInt16(body), number);
        var timestamp = ((ulong)ReadUInt32(body[4..]) << 32) | ReadUInt32(body[8..]);
        var capturedLength = ReadUInt32(body[12..]);
        if (capturedLength > (uint)(body.Length - 20))
        {
            throw Error(number, $"packet block captured length {capturedLength} exceeds its block");
        }

        return new CaptureRecord(number, ReadUInt16(body), captureInterface, ToNanoseconds(timestamp, captureInterface), (int)Math.Min(ReadUInt32(body[16..]), int.MaxValue), body.Slice(20, (int)capturedLength));
    }

    private CaptureInterface FindInterface(uint index, long number)
    {
        if (index >= (uint)_interfaces.Count)
        {
            throw Error(number, $"packet refers to interface {index} but the section describes {_interfaces.Count}");
        }

        return _interfaces[(int)index];
    }

    private static long ToNanoseconds(ulong ticks, CaptureInterface captureInterface)
    {
        var unitsPerSecond = captureInterface.UnitsPerSecond;
        var seconds = ticks / unitsPerSecond;
        var remainder = ticks % unitsPerSecond;
        var fractionNanoseconds = (ulong)(((UInt128)remainder * 1_000_000_000UL) / unitsPerSecond);
        return ((long)seconds + captureInterface.OffsetSeconds) * 1_000_000_000L + (long)fractionNanoseconds;
    }

    private void CheckLinkType(LinkType linkType)
    {
        if (!PacketDecoder.IsSupported(linkType))
        {
            throw Error(_recordNumber + 1, $"link type {(int)linkType} is not supported (supported: Ethernet 1, raw IP 101/228/229, Linux SLL 113, SLL2 276)");
        }
    }

    private void CheckBlockLength(uint totalLength, uint minimum)
    {
        if (totalLength < minimum || totalLength % 4 != 0 || totalLength > MaxRecordBytes)
        {
            throw Error(_recordNumber + 1, $"pcapng block length {totalLength} is invalid");
        }
    }

    private void CheckTrailingLength(ReadOnlySpan<byte> bodyWithTrailer, uint totalLength)
    {
        if (ReadUInt32(bodyWithTrailer[^4..]) != totalLength)
        {
            throw Error(_recordNumber + 1, "pcapng block trailing length does not match its header (corrupt file)");
        }
    }

    private void EnsureBuffer(int length)
    {
        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }
    }

    private int ReadFully(Span<byte> destination) => _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);

    private ushort ReadUInt16(ReadOnlySpan<byte> span) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);

    private uint ReadUInt32(ReadOnlySpan<byte> span) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);

    private ulong ReadUInt64(ReadOnlySpan<byte> span) =>
        _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(span) : BinaryPrimitives.ReadUInt64LittleEndian(span);

    private CaptureFormatException Error(long recordNumber, string problem) => new(_source, recordNumber, problem);
}
