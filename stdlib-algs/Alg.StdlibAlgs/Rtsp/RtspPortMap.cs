namespace Alg.StdlibAlgs.Rtsp;

/// <summary>A client RTP port a SETUP offered and the public port it was rewritten to (its RTCP port is the next of each).</summary>
/// <param name="Alternative">The transport alternative it was offered in.</param>
public readonly record struct RtspPortMap(long CSeq, int Alternative, uint PublicAddress, ushort PublicPort, ushort InsidePort);
