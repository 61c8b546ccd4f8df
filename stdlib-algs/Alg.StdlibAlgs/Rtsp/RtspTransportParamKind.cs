namespace Alg.StdlibAlgs.Rtsp;

/// <summary>The Transport parameters that carry addresses or ports (RFC 2326 §12.39, RFC 7826 §18.54).</summary>
public enum RtspTransportParamKind : byte
{
    /// <summary><c>client_port=a[-b]</c>: where the client receives RTP (and RTCP).</summary>
    ClientPort,

    /// <summary><c>server_port=a[-b]</c>: where the server sends from and receives RTCP.</summary>
    ServerPort,

    /// <summary><c>destination=addr</c>: where the media is to be sent (RTSP 1.0).</summary>
    Destination,

    /// <summary><c>source=addr</c>: where the media comes from (RTSP 1.0).</summary>
    Source,

    /// <summary><c>dest_addr="host:port"</c>, one entry per quoted address (RTSP 2.0).</summary>
    DestAddr,

    /// <summary><c>src_addr="host:port"</c>, one entry per quoted address (RTSP 2.0).</summary>
    SrcAddr,
}
