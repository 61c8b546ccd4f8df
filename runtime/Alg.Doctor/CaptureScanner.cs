using System.Buffers.Binary;
using Alg.Policy.Model;
using Alg.Runtime.Capture;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Sip;

namespace Alg.Doctor;

/// <summary>Reads one capture into signalling messages — SIP (UDP datagrams and TCP streams) and H.323 (TPKT on TCP:
/// call signalling and H.245, <see cref="H323MessageReader"/>) — and RTP flows.</summary>
/// <remarks>
/// IPv4 only, and IPv4 fragments after the first are skipped: phones keep SIP over UDP under the MTU
/// (RFC 3261 §18.1.1 moves larger requests to TCP) and RTP packets are small.
/// </remarks>
public static class CaptureScanner
{
    private const int RtpHeaderBytes = 12;

    /// <exception cref="CaptureFormatException">The file is not a capture, or is corrupt or truncated.</exception>
    /// <param name="displayName">How output names the capture; the file name when null.</param>
    public static CaptureScan Scan(string path, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        var messages = new List<SignallingRecord>();

        // Keyed on the raw header fields so that the hundreds of packets per second of a call allocate nothing.
        var flows = new Dictionary<(uint, ushort, uint, ushort), RtpFlow>();
        var streams = new Dictionary<(uint, ushort, uint, ushort), TcpStreamBuffer>();
        var fields = new SipHeaderField[SipMessageParser.MaxHeaders];
        var h323 = new H323MessageReader(name);
        long first = -1;
        using var reader = CaptureReader.Open(path);
        while (reader.TryRead(out var record))
        {
            if (first < 0)
            {
                first = record.TimestampNanoseconds;
            }

            if (!PacketDecoder.IsSupported(record.LinkType) || !PacketDecoder.Decode(record.Data, record.LinkType, out var info))
            {
                continue;
            }

            if (info.IpVersion != 4 || (info.Flags & PacketFlags.HasPorts) == 0 || ((info.Flags & PacketFlags.Fragment) != 0 && (info.Flags & PacketFlags.FirstFragment) == 0))
            {
                continue;
            }

            var payload = record.Data[info.PayloadOffset..Math.Min(info.PacketEnd, record.Data.Length)];
            if (info.Protocol == (byte)IpProtocol.Udp)
            {
                if (SipMessageParser.Parse(payload, stream: false, fields, out var message) == SipParseStatus.Complete)
                {
                    var sip = SipMessageReader.Read(payload, message, fields.AsSpan(0, message.HeaderCount), name, record.Number, record.TimestampNanoseconds, "udp", Source(info), Destination(info));
                    if (sip is not null)
                    {
                        messages.Add(sip);
                    }
                }
                else if (LooksLikeRtp(payload))
                {
                    var key = (info.SourceAddress, info.SourcePort, info.DestinationAddress, info.DestinationPort);
                    if (!flows.TryGetValue(key, out var flow))
                    {
                        flow = new RtpFlow(name, Source(info), Destination(info));
                        flows.Add(key, flow);
                    }

                    flow.Add(record.TimestampNanoseconds);
                }
            }
            else if (info.Protocol == (byte)IpProtocol.Tcp)
            {
                var key = (info.SourceAddress, info.SourcePort, info.DestinationAddress, info.DestinationPort);
                if (!streams.TryGetValue(key, out var stream))
                {
                    stream = new TcpStreamBuffer();
                    streams.Add(key, stream);
                }

                stream.Append(info.TcpSequence, (info.TcpFlags & TcpFlags.Syn) != 0, payload);
                if (H323MessageReader.StartsTpkt(stream.Bytes))
                {
                    h323.Read(stream, messages, record.Number, record.TimestampNanoseconds, Source(info), Destination(info));
                }
                else
                {
                    ReadStream(stream, fields, messages, name, record.Number, record.TimestampNanoseconds, Source(info), Destination(info));
                }
            }
        }

        return new CaptureScan(name, messages, [.. flows.Values], Math.Max(first, 0));
    }

    private static MediaEndpoint Source(in PacketInfo info) => new(new Ipv4Address(info.SourceAddress).ToString(), info.SourcePort);

    private static MediaEndpoint Destination(in PacketInfo info) => new(new Ipv4Address(info.DestinationAddress).ToString(), info.DestinationPort);

    /// <summary>RFC 3550 §5.1: version 2, room for the CSRC list, and not an RTCP packet type (RFC 5761 §4: 72-76 are RTCP's).</summary>
    public static bool LooksLikeRtp(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < RtpHeaderBytes || payload[0] >> 6 != 2)
        {
            return false;
        }

        var csrcCount = payload[0] & 0x0F;
        var payloadType = payload[1] & 0x7F;

        // A STUN message (RFC 5389 §6) starts with two zero bits, so it never reaches here; this keeps
        // a stray STUN-over-RTP-port packet from counting as audio all the same.
        var stunCookie = BinaryPrimitives.ReadUInt32BigEndian(payload[4..]) == 0x2112A442;
        return !stunCookie && RtpHeaderBytes + (4 * csrcCount) <= payload.Length && payloadType is not (>= 72 and <= 76);
    }

    private static void ReadStream(
        TcpStreamBuffer stream,
        SipHeaderField[] fields,
        List<SignallingRecord> messages,
        string name,
        long frame,
        long time,
        MediaEndpoint source,
        MediaEndpoint destination)
    {
        while (stream.Count > 0)
        {
            var bytes = stream.Bytes;
            var status = SipMessageParser.Parse(bytes, stream: true, fields, out var message);
            if (status == SipParseStatus.Incomplete)
            {
                return;
            }

            if (status != SipParseStatus.Complete)
            {
                // Not SIP (or garbage): this connection carries something else; forget what is buffered.
                stream.Clear();
                return;
            }

            var sip = SipMessageReader.Read(bytes[..message.End], message, fields.AsSpan(0, message.HeaderCount), name, frame, time, "tcp", source, destination);
            if (sip is not null)
            {
                messages.Add(sip);
            }

            stream.Consume(message.End);
        }
    }
}
