using System.Buffers.Binary;
using Alg.Runtime.Checksums;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Reassembly;

/// <summary>Reassembles IPv4 datagrams from fragments arriving in any order (RFC 791 §3.2, RFC 4787 REQ-14).</summary>
/// <remarks>
/// <para>Datagrams are keyed by (source, destination, identification, protocol) as RFC 791 says. Storage is
/// allocated once: one 64 KiB buffer per datagram slot. Caps: datagrams, bytes, fragments per datagram,
/// and a timeout; hitting any of them drops with a reason and never grows memory.</para>
/// <para>Overlapping fragments are rejected and the whole datagram discarded (the approach of RFC 5722 for
/// IPv6: overlaps are how reassembly-based evasion works). An exact duplicate of a piece already held is a
/// retransmission and is ignored.</para>
/// </remarks>
public sealed class Ipv4FragmentReassembler
{
    private const int MaxDatagramLength = 65535;

    private readonly FragmentReassemblyOptions _options;
    private readonly Datagram[] _datagrams;
    private int _bufferedBytes;
    private int _pending;

    public Ipv4FragmentReassembler(FragmentReassemblyOptions? options = null)
    {
        _options = options ?? new FragmentReassemblyOptions();
        _datagrams = new Datagram[_options.MaxDatagrams];
        for (var i = 0; i < _datagrams.Length; i++)
        {
            _datagrams[i] = new Datagram(_options.MaxFragmentsPerDatagram);
        }
    }

    public int PendingDatagrams => _pending;

    public int BufferedBytes => _bufferedBytes;

    /// <summary>Adds one fragment (an IPv4 packet starting at its header, as decoded into <paramref name="info"/>).</summary>
    /// <param name="ipPacket">The IPv4 datagram fragment, header first, exactly its total length.</param>
    /// <param name="destination">Where the whole datagram is written when this fragment completes it.</param>
    public FragmentOutcome Add(ReadOnlySpan<byte> ipPacket, in PacketInfo info, long now, Span<byte> destination)
    {
        ExpireOld(now);
        var headerLength = (ipPacket[0] & 0x0F) * 4;
        var payload = ipPacket[headerLength..];
        var first = info.FragmentOffset;
        var end = first + payload.Length;
        var moreFragments = (BinaryPrimitives.ReadUInt16BigEndian(ipPacket[6..]) & 0x2000) != 0;
        if (end > MaxDatagramLength - headerLength)
        {
            return FragmentOutcome.Drop(DropReason.FragmentTooLarge);
        }

        if (moreFragments && payload.Length % 8 != 0)
        {
            // RFC 791 §3.2: every fragment but the last carries a multiple of 8 bytes.
            return FragmentOutcome.Drop(DropReason.BadFragmentLength);
        }

        var datagram = Find(info);
        if (datagram is null)
        {
            datagram = Allocate();
            if (datagram is null)
            {
                return FragmentOutcome.Drop(DropReason.FragmentTableFull);
            }

            _pending++;
            datagram.Start(info.SourceAddress, info.DestinationAddress, info.IpIdentification, info.Protocol, now + _options.TimeoutNanoseconds);
        }

        switch (datagram.CheckPiece(first, end))
        {
            case PieceCheck.Duplicate:
                return FragmentOutcome.Held;
            case PieceCheck.Overlap:
                Discard(datagram);
                return FragmentOutcome.Drop(DropReason.FragmentOverlap);
            case PieceCheck.TooMany:
                Discard(datagram);
                return FragmentOutcome.Drop(DropReason.TooManyFragments);
        }

        if (_bufferedBytes + payload.Length > _options.MaxBufferedBytes)
        {
            Discard(datagram);
            return FragmentOutcome.Drop(DropReason.FragmentBytesExhausted);
        }

        if (!moreFragments)
        {
            if (datagram.TotalPayload >= 0 && datagram.TotalPayload != end)
            {
                Discard(datagram);
                return FragmentOutcome.Drop(DropReason.FragmentOverlap);
            }

            datagram.TotalPayload = end;
        }

        if (datagram.TotalPayload >= 0 && end > datagram.TotalPayload)
        {
            Discard(datagram);
            return FragmentOutcome.Drop(DropReason.FragmentOverlap);
        }

        if (first == 0)
        {
            ipPacket[..headerLength].CopyTo(datagram.Header);
            datagram.HeaderLength = headerLength;
        }

        payload.CopyTo(datagram.Payload.AsSpan(first));
        datagram.AddPiece(first, end);
        _bufferedBytes += payload.Length;

        if (datagram.TotalPayload < 0 || datagram.HeaderLength == 0 || datagram.ReceivedBytes != datagram.TotalPayload)
        {
            return FragmentOutcome.Held;
        }

        var length = datagram.HeaderLength + datagram.TotalPayload;
        if (destination.Length < length)
        {
            Discard(datagram);
            return FragmentOutcome.Drop(DropReason.BufferTooSmall);
        }

        // The whole datagram: first fragment's header with MF and offset cleared, new length and checksum.
        var header = destination[..datagram.HeaderLength];
        datagram.Header.AsSpan(0, datagram.HeaderLength).CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)length);
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], (ushort)(BinaryPrimitives.ReadUInt16BigEndian(header[6..]) & 0x4000));
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], InternetChecksum.Compute(header));
        datagram.Payload.AsSpan(0, datagram.TotalPayload).CopyTo(destination[datagram.HeaderLength..]);
        Discard(datagram);
        return new FragmentOutcome(FragmentStatus.Complete, DropReason.None, length);
    }

    /// <summary>Discards datagrams whose timer ran out; returns how many (each is a counted timeout drop).</summary>
    public int ExpireOld(long now)
    {
        if (_bufferedBytes == 0 && _pending == 0)
        {
            return 0;
        }

        var expired = 0;
        foreach (var datagram in _datagrams)
        {
            if (datagram.InUse && datagram.ExpiresAt <= now)
            {
                Discard(datagram);
                expired++;
            }
        }

        TimedOut += expired;
        return expired;
    }

    /// <summary>Datagrams discarded because their last piece never came.</summary>
    public long TimedOut { get; private set; }

    private Datagram? Find(in PacketInfo info)
    {
        foreach (var datagram in _datagrams)
        {
            if (datagram.InUse && datagram.Source == info.SourceAddress && datagram.Destination == info.DestinationAddress
                && datagram.Identification == info.IpIdentification && datagram.Protocol == info.Protocol)
            {
                return datagram;
            }
        }

        return null;
    }

    private Datagram? Allocate()
    {
        foreach (var datagram in _datagrams)
        {
            if (!datagram.InUse)
            {
                return datagram;
            }
        }

        return null;
    }

    private void Discard(Datagram datagram)
    {
        _bufferedBytes -= datagram.ReceivedBytes;
        datagram.InUse = false;
        _pending--;
    }
}
