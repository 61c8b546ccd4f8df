using System.Globalization;
using Alg.Policy.Model;
using Alg.StdlibAlgs.H323;
using Alg.StdlibAlgs.H323.Per;

namespace Alg.Doctor;

/// <summary>
/// Reads H.323 from the TCP streams of one capture (TPKT, RFC 1006 §6): Q.931/H.225.0 call signalling and the H.245
/// connections its h245Address fields announce, decoded with the ALGs' own aligned-PER walk, mapped onto
/// <see cref="SignallingRecord"/>'s roles so the call analysis judges H.323 calls as it judges SIP ones.
/// </summary>
/// <remarks>
/// <para>A call is its call reference value (H.225.0 §7.2; the flag bit only says which side sent it), the same on both
/// sides of a NAT. An H.245 connection belongs to the call whose h245Address it connects to; who sent what follows from
/// who announced that address. H.245 messages other than OpenLogicalChannel(Ack), CloseLogicalChannel and
/// endSessionCommand say nothing about media and are left out.</para>
/// <para>Roles: Setup is the INVITE, CallProceeding/Alerting/Progress the provisional responses, Connect the 2xx,
/// Release Complete the BYE; an address in mediaChannel is where its sender receives RTP (its "SDP"); h245Address is
/// where its sender listens (its "Contact").</para>
/// </remarks>
internal sealed class H323MessageReader
{
    private const byte Q931Discriminator = 0x08;

    private readonly string _capture;
    private readonly H323Findings _findings = new();
    private readonly Dictionary<(MediaEndpoint, MediaEndpoint), H323Connection> _connections = [];
    private readonly Dictionary<MediaEndpoint, (string CallId, bool AnnouncedByCaller, string Caller, string Callee)> _h245Addresses = [];

    public H323MessageReader(string capture) => _capture = capture;

    /// <summary>Whether a stream's first byte can start a TPKT (SIP starts with a letter).</summary>
    public static bool StartsTpkt(ReadOnlySpan<byte> bytes) => bytes.Length > 0 && bytes[0] == Q931Parser.TpktVersion;

    /// <summary>Reads every whole TPKT buffered in one direction of a connection; a stream that is not TPKT is dropped.</summary>
    public void Read(TcpStreamBuffer stream, List<SignallingRecord> messages, long frame, long time, MediaEndpoint source, MediaEndpoint destination)
    {
        while (stream.Count > 0)
        {
            var bytes = stream.Bytes;
            var status = Q931Parser.ReadTpkt(bytes, out var length);
            if (status == TpktStatus.Incomplete && length <= PerReader.MaxLength)
            {
                return;
            }

            if (status != TpktStatus.Complete)
            {
                stream.Clear();
                return;
            }

            if (length > Q931Parser.TpktHeaderLength)
            {
                var body = bytes[Q931Parser.TpktHeaderLength..length];
                var record = body[0] == Q931Discriminator && !IsH245Connection(source, destination)
                    ? ReadCallSignalling(bytes[..length], frame, time, source, destination)
                    : ReadH245(bytes[..length], frame, time, source, destination);
                if (record is not null)
                {
                    messages.Add(record);
                }
            }

            stream.Consume(length);
        }
    }

    private bool IsH245Connection(MediaEndpoint source, MediaEndpoint destination) =>
        _h245Addresses.ContainsKey(source) || _h245Addresses.ContainsKey(destination);

    private SignallingRecord? ReadCallSignalling(ReadOnlySpan<byte> tpkt, long frame, long time, MediaEndpoint source, MediaEndpoint destination)
    {
        if (Q931Parser.TryParse(tpkt[Q931Parser.TpktHeaderLength..], Q931Parser.TpktHeaderLength, out var message) != H323DecodeError.None)
        {
            return null;
        }

        _findings.Reset();
        if (message.UserInformationStart >= 0)
        {
            var reader = new PerReader(tpkt, message.UserInformationStart, message.UserInformationLength);
            H225Walker.ReadUserInformation(ref reader, _findings);
            if (reader.Failed)
            {
                _findings.Reset();
            }
        }

        var callId = string.Create(CultureInfo.InvariantCulture, $"H.323 call reference {message.CallReference}");
        var key = Key(source, destination);
        if (message.MessageType == SetupType || !_connections.TryGetValue(key, out var connection))
        {
            // The Setup's sender is the caller; a capture that starts later takes the side dialling 1720 as the caller.
            var callerIsSource = message.MessageType == SetupType || destination.Port == CallSignallingPort || source.Port != CallSignallingPort;
            var caller = callerIsSource ? source : destination;
            var callee = callerIsSource ? destination : source;
            connection = new H323Connection(caller, $"h323:{caller}", $"h323:{callee}");
            _connections[key] = connection;
        }

        // Several calls may share one connection (H.225.0 §7.2.2 multipleCalls): the call reference, not the connection,
        // says which.
        var fromCaller = source == connection.CallerEndpoint;
        var (name, isRequest, status, method) = Describe(message.MessageType);
        MediaEndpoint? h245 = null;
        MediaEndpoint? media = null;
        for (var i = 0; i < _findings.Count; i++)
        {
            var field = _findings[i];
            if (field.Kind == H323AddressKind.H245Address)
            {
                h245 = Endpoint(field, tpkt);
                _h245Addresses[h245.Value] = (callId, fromCaller, connection.Caller, connection.Callee);
            }
            else if (field.Kind == H323AddressKind.MediaChannel && media is null)
            {
                media = Endpoint(field, tpkt);
            }
        }

        return Record(callId, connection.Caller, connection.Callee, fromCaller, isRequest, status, method, name, message.CallReference, frame, time, source, destination, h245, media,
            media is null ? null : message.MessageType == SetupType ? "offer" : "answer");
    }

    private SignallingRecord? ReadH245(ReadOnlySpan<byte> tpkt, long frame, long time, MediaEndpoint source, MediaEndpoint destination)
    {
        _findings.Reset();
        var reader = new PerReader(tpkt, Q931Parser.TpktHeaderLength, tpkt.Length - Q931Parser.TpktHeaderLength);
        H245Walker.ReadMessage(ref reader, _findings);
        if (reader.Failed || (_findings.Count == 0 && !_findings.EndSession))
        {
            return null;
        }

        // The party that announced the address this connection reaches listens there; the other one dialled it.
        string callId, caller, callee;
        bool fromCaller;
        if (_h245Addresses.TryGetValue(destination, out var dialled))
        {
            (callId, caller, callee, fromCaller) = (dialled.CallId, dialled.Caller, dialled.Callee, !dialled.AnnouncedByCaller);
        }
        else if (_h245Addresses.TryGetValue(source, out var listening))
        {
            (callId, caller, callee, fromCaller) = (listening.CallId, listening.Caller, listening.Callee, listening.AnnouncedByCaller);
        }
        else
        {
            return null;
        }

        MediaEndpoint? media = null;
        var channel = 0;
        var acknowledges = false;
        var closes = false;
        for (var i = 0; i < _findings.Count; i++)
        {
            var field = _findings[i];
            channel = channel == 0 ? field.Channel : channel;
            acknowledges |= field.PeerChannel;
            closes |= field.Kind == H323AddressKind.ChannelClosed;
            if (field.Kind == H323AddressKind.MediaChannel && media is null)
            {
                media = Endpoint(field, tpkt);
            }
        }

        var name = _findings.EndSession ? "endSessionCommand"
            : closes ? string.Create(CultureInfo.InvariantCulture, $"CloseLogicalChannel (channel {channel})")
            : acknowledges ? string.Create(CultureInfo.InvariantCulture, $"OpenLogicalChannelAck (channel {channel})")
            : string.Create(CultureInfo.InvariantCulture, $"OpenLogicalChannel (channel {channel})");
        var isRequest = !acknowledges;
        return Record(callId, caller, callee, fromCaller, isRequest, isRequest ? 0 : 200, acknowledges ? "OLC" : "H245", name, channel, frame, time, source, destination, null, media,
            media is null ? null : acknowledges ? "answer" : "offer");
    }

    private SignallingRecord Record(
        string callId, string caller, string callee, bool fromCaller, bool isRequest, int status, string method, string name, long sequence,
        long frame, long time, MediaEndpoint source, MediaEndpoint destination, MediaEndpoint? h245, MediaEndpoint? media, string? role)
    {
        // SIP's From tag says who sent a request; a response carries the requester's (RFC 3261 §12.2.1.1). H.323 knows
        // the sender directly: tag the message so the same rule finds it.
        var tag = isRequest == fromCaller ? "caller" : "callee";
        var sdp = media is { } endpoint ? new SdpSummary(null, endpoint.Address, [new SdpMedia("audio", endpoint.Port, endpoint.Address)], false) : null;
        return new SignallingRecord(
            _capture, frame, time, "h323", source, destination, isRequest, method, status, name,
            callId, sequence, caller, callee, tag, null, null, h245, sdp)
        {
            Protocol = "h323",
            Name = name,
            ExchangeRole = role,
            TraversalFeatures = _findings.H460,
        };
    }

    private const byte SetupType = 0x05;
    private const int CallSignallingPort = 1720;

    /// <summary>The Q.931 message types of H.225.0 §7.3 with the SIP role each plays: Setup the INVITE, the answers its
    /// responses, any other request a method of its own name.</summary>
    private static (string Name, bool IsRequest, int Status, string Method) Describe(byte type) => type switch
    {
        0x05 => ("Setup", true, 0, "INVITE"),
        0x02 => ("CallProceeding", false, 100, "INVITE"),
        0x01 => ("Alerting", false, 180, "INVITE"),
        0x03 => ("Progress", false, 183, "INVITE"),
        0x07 => ("Connect", false, 200, "INVITE"),
        0x5A => ("ReleaseComplete", true, 0, "RELEASECOMPLETE"),
        0x62 => ("Facility", true, 0, "FACILITY"),
        0x7B => ("Information", true, 0, "INFORMATION"),
        0x6E => ("Notify", true, 0, "NOTIFY"),
        0x7D => ("Status", true, 0, "STATUS"),
        0x75 => ("StatusInquiry", true, 0, "STATUSINQUIRY"),
        _ => (string.Create(CultureInfo.InvariantCulture, $"Q.931 0x{type:x2}"), true, 0, string.Create(CultureInfo.InvariantCulture, $"Q.931 0X{type:X2}")),
    };

    private static MediaEndpoint Endpoint(in H323AddressField field, ReadOnlySpan<byte> message) => field.Ipv6
        ? new(new System.Net.IPAddress(message.Slice(field.Offset, 16)).ToString(), field.Port)
        : new(new Ipv4Address(field.Address).ToString(), field.Port);

    private static (MediaEndpoint, MediaEndpoint) Key(MediaEndpoint a, MediaEndpoint b) =>
        string.CompareOrdinal(a.ToString(), b.ToString()) <= 0 ? (a, b) : (b, a);
}
