namespace Alg.StdlibAlgs.Sdp;

/// <summary>One m= line of an SDP the inside end sent, while it is planned: where it says its media is, and where it will be.</summary>
internal struct SdpMediaPlan
{
    /// <summary>Index of the m= line among the parsed SDP lines, or -1.</summary>
    public int LineIndex;

    /// <summary>The announced RTP port (0 = stream refused, RFC 3264 §6), or -1 when unreadable.</summary>
    public int Port;

    /// <summary>The effective connection address (media-level c= over session-level, RFC 4566 §5.7).</summary>
    public uint Address;

    /// <summary>The RTCP port: a=rtcp (RFC 3605), else RTP+1 (RFC 3550 §11), or the RTP port with rtcp-mux.</summary>
    public int RtcpPort;

    public bool HasRtcpLine;

    /// <summary>a=rtcp-mux (RFC 5761): RTCP shares the RTP port and needs no second mapping.</summary>
    public bool Mux;

    /// <summary>Mappings were reserved: the line is rewritten and pinholes are opened.</summary>
    public bool Translated;

    public uint MappedAddress;

    public ushort MappedPort;

    public ushort MappedRtcpPort;
}
