namespace Alg.Benchmarks.Sip;

/// <summary>A softphone's INVITE with SDP (about 900 bytes) and the 200 OK that answers it, as a gateway sees them.</summary>
internal static class SipMessages
{
    public static readonly string Invite = Crlf("""
        INVITE sip:2001@203.0.113.20 SIP/2.0
        Via: SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-524287-1---0c3a8b1fd2e6a4b7;rport
        Max-Forwards: 70
        Contact: <sip:1001@192.168.1.10:5060;transport=udp>
        To: <sip:2001@203.0.113.20>
        From: "Office 1001"<sip:1001@203.0.113.20>;tag=9c1f4e2a
        Call-ID: ZDk4OGFmNzUzNmY5YjY2ZjJlMjY0ZjQ1MjM1ZmQ4NmQ
        CSeq: 1 INVITE
        Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE
        Content-Type: application/sdp
        Supported: replaces, norefersub, extended-refer, timer, outbound, path, X-cisco-serviceuri
        User-Agent: Z 5.4.12 v2.10.13.2
        Allow-Events: presence, kpml, talk
        Content-Length: @

        v=0
        o=Z 1608235282 1 IN IP4 192.168.1.10
        s=Z
        c=IN IP4 192.168.1.10
        t=0 0
        m=audio 8000 RTP/AVP 106 9 98 101 0 8 3
        a=rtpmap:106 opus/48000/2
        a=fmtp:106 sprop-maxcapturerate=16000; minptime=20; useinbandfec=1
        a=rtpmap:98 telephone-event/48000
        a=fmtp:98 0-16
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=sendrecv
        a=rtcp-mux
        """);

    public static readonly string Ok = Crlf("""
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP 203.0.113.1:5060;branch=z9hG4bK-524287-1---0c3a8b1fd2e6a4b7;rport=5060;received=203.0.113.1
        Record-Route: <sip:203.0.113.20;lr>
        Contact: <sip:2001@203.0.113.20:5060>
        To: <sip:2001@203.0.113.20>;tag=as5f2a1b3c
        From: "Office 1001"<sip:1001@203.0.113.20>;tag=9c1f4e2a
        Call-ID: ZDk4OGFmNzUzNmY5YjY2ZjJlMjY0ZjQ1MjM1ZmQ4NmQ
        CSeq: 1 INVITE
        Server: Asterisk PBX 20.5.0
        Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, SUBSCRIBE, NOTIFY, INFO, PUBLISH, MESSAGE
        Supported: replaces, timer
        Content-Type: application/sdp
        Content-Length: @

        v=0
        o=root 1421946312 1421946312 IN IP4 203.0.113.20
        s=Asterisk PBX 20.5.0
        c=IN IP4 203.0.113.20
        t=0 0
        m=audio 14210 RTP/AVP 9 101
        a=rtpmap:9 G722/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=ptime:20
        a=maxptime:150
        a=sendrecv
        a=rtcp-mux
        """);

    private static string Crlf(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n";
        var split = normalized.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        return normalized.Replace("Content-Length: @", "Content-Length: " + (normalized.Length - split).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
