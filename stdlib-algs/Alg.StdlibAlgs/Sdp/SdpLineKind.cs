namespace Alg.StdlibAlgs.Sdp;

/// <summary>The SDP lines the SIP ALG reads or rewrites (RFC 4566 / RFC 8866 §5).</summary>
public enum SdpLineKind : byte
{
    Other,

    /// <summary><c>o=</c>, the origin; its unicast address is rewritten (§5.2).</summary>
    Origin,

    /// <summary><c>c=</c>, connection data, session- or media-level (§5.7).</summary>
    Connection,

    /// <summary><c>m=</c>, a media description: port and count (§5.14).</summary>
    Media,

    /// <summary><c>a=rtcp:</c>, an explicit RTCP port and maybe address (RFC 3605 §2.1).</summary>
    Rtcp,

    /// <summary><c>a=rtcp-mux</c> (RFC 5761): RTCP shares the RTP port.</summary>
    RtcpMux,

    /// <summary><c>a=candidate:</c> (RFC 8445 §5.4 via RFC 8839): ICE is in use, so the SDP is left alone.</summary>
    Candidate,
}
