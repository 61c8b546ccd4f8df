using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Alg.Runtime.Capture;
using Alg.Runtime.Packets;

namespace Alg.Engine.Tests.Doctor;

/// <summary>
/// Writes small Ethernet/IPv4 captures of SIP, H.323 (TCP) and RTP for cases the lab did not record (a rejected
/// INVITE, a re-INVITE that moves the media port, a pinhole that is missing). The UDP checksum is 0, which
/// RFC 768 allows over IPv4; the IPv4 header checksum is right.
/// </summary>
internal sealed class SyntheticSipCapture : IDisposable
{
    private static readonly long Epoch = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;

    private readonly PcapWriter _writer;
    private ushort _identification;
    private ushort _sequence;

    public SyntheticSipCapture(string path) => _writer = PcapWriter.Create(path, LinkType.Ethernet, TimestampPrecision.Microseconds);

    public void Sip(double seconds, string source, string destination, string message) =>
        Udp(seconds, source, destination, Encoding.ASCII.GetBytes(message.Replace("\n", "\r\n", StringComparison.Ordinal)));

    /// <summary>RTP packets 20 ms apart (RFC 3550 §5.1 header, PCMA payload type 8, 160-byte payload).</summary>
    public void Rtp(double seconds, string source, string destination, int packets)
    {
        for (var i = 0; i < packets; i++)
        {
            var rtp = new byte[12 + 160];
            rtp[0] = 0x80;
            rtp[1] = 8;
            BinaryPrimitives.WriteUInt16BigEndian(rtp.AsSpan(2), _sequence++);
            BinaryPrimitives.WriteUInt32BigEndian(rtp.AsSpan(4), (uint)(i * 160));
            BinaryPrimitives.WriteUInt32BigEndian(rtp.AsSpan(8), 0x11223344);
            Udp(seconds + (i * 0.02), source, destination, rtp);
        }
    }

    /// <summary>One TCP segment (ACK|PSH) carrying <paramref name="payload"/> at <paramref name="sequence"/>: enough for the
    /// doctor's stream reassembly (H.323's TPKT-framed call signalling and H.245).</summary>
    public void Tcp(double seconds, string source, string destination, uint sequence, byte[] payload)
    {
        var (sourceAddress, sourcePort) = Split(source);
        var (destinationAddress, destinationPort) = Split(destination);
        var frame = new byte[14 + 20 + 20 + payload.Length];
        frame[12] = 0x08;
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + 20 + payload.Length));
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], _identification++);
        ip[8] = 64;
        ip[9] = 6;
        sourceAddress.CopyTo(ip[12..]);
        destinationAddress.CopyTo(ip[16..]);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], HeaderChecksum(ip[..20]));
        var tcp = ip[20..];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], sequence);
        tcp[12] = 0x50;
        tcp[13] = 0x18;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], 65535);
        payload.CopyTo(tcp[20..]);
        _writer.Write(Epoch + (long)(seconds * 1e9), frame, frame.Length);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>An INVITE or re-INVITE from alice (the phone) with an SDP offer.</summary>
    public static string Invite(string from, string to, long cseq, string mediaAddress, int mediaPort, string? toTag = null) =>
        Request("INVITE", from, to, cseq, toTag, Sdp(mediaAddress, mediaPort));

    public static string Request(string method, string from, string to, long cseq, string? toTag, string body = "", string cseqMethod = "")
    {
        var contentType = body.Length > 0 ? "Content-Type: application/sdp\n" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"""
            {method} sip:bob@{to} SIP/2.0
            Via: SIP/2.0/UDP {from};branch=z9hG4bK-{method}-{cseq}
            From: <sip:alice@{from}>;tag=alice1
            To: <sip:bob@{to}>{(toTag is null ? string.Empty : ";tag=" + toTag)}
            Call-ID: synthetic-1@{from[..from.IndexOf(':', StringComparison.Ordinal)]}
            CSeq: {cseq} {(cseqMethod.Length > 0 ? cseqMethod : method)}
            Contact: <sip:alice@{from}>
            {contentType}Content-Length: {Encoding.ASCII.GetByteCount(body.Replace("\n", "\r\n", StringComparison.Ordinal))}

            {body}
            """);
    }

    public static string Response(string status, string from, string to, long cseq, string method, string? sdpAddress = null, int sdpPort = 0)
    {
        var body = sdpAddress is null ? string.Empty : Sdp(sdpAddress, sdpPort);
        var contentType = body.Length > 0 ? "Content-Type: application/sdp\n" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"""
            SIP/2.0 {status}
            Via: SIP/2.0/UDP {from};branch=z9hG4bK-{method}-{cseq}
            From: <sip:alice@{from}>;tag=alice1
            To: <sip:bob@{to}>;tag=bob1
            Call-ID: synthetic-1@{from[..from.IndexOf(':', StringComparison.Ordinal)]}
            CSeq: {cseq} {method}
            Contact: <sip:bob@{to}>
            {contentType}Content-Length: {Encoding.ASCII.GetByteCount(body.Replace("\n", "\r\n", StringComparison.Ordinal))}

            {body}
            """);
    }

    private static string Sdp(string address, int port) => string.Create(CultureInfo.InvariantCulture, $"""
        v=0
        o=- 1 1 IN IP4 {address}
        s=-
        c=IN IP4 {address}
        t=0 0
        m=audio {port} RTP/AVP 8
        a=rtpmap:8 PCMA/8000

        """);

    private void Udp(double seconds, string source, string destination, byte[] payload)
    {
        var (sourceAddress, sourcePort) = Split(source);
        var (destinationAddress, destinationPort) = Split(destination);
        var frame = new byte[14 + 20 + 8 + payload.Length];
        frame[12] = 0x08; // EtherType IPv4
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + 8 + payload.Length));
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], _identification++);
        ip[8] = 64;
        ip[9] = 17;
        sourceAddress.CopyTo(ip[12..]);
        destinationAddress.CopyTo(ip[16..]);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], HeaderChecksum(ip[..20]));
        var udp = ip[20..];
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(8 + payload.Length));
        payload.CopyTo(udp[8..]);
        _writer.Write(Epoch + (long)(seconds * 1e9), frame, frame.Length);
    }

    private static (byte[] Address, ushort Port) Split(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        var address = endpoint[..colon].Split('.').Select(o => byte.Parse(o, CultureInfo.InvariantCulture)).ToArray();
        return (address, ushort.Parse(endpoint[(colon + 1)..], CultureInfo.InvariantCulture));
    }

    private static ushort HeaderChecksum(ReadOnlySpan<byte> header)
    {
        // RFC 791 §3.1: one's complement of the one's complement sum of the header's 16-bit words.
        uint sum = 0;
        for (var i = 0; i < header.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
