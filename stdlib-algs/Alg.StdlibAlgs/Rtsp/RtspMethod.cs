namespace Alg.StdlibAlgs.Rtsp;

/// <summary>The methods the ALG acts on (RFC 2326 §10); every other request is <see cref="Other"/>.</summary>
public enum RtspMethod : byte
{
    Other,
    Setup,
    Teardown,
}
