namespace Alg.StdlibAlgs.H323;

/// <summary>One RTP/RTCP port pair of an inside endpoint that the ALG gave a public pair and pinholes, and the logical
/// channels that use it (a pair is usually named twice: in the endpoint's OpenLogicalChannel for RTCP and in its
/// OpenLogicalChannelAck for RTP and RTCP).</summary>
/// <param name="FirstChannel">A channel key using the pair (<see cref="H323MediaChannels.ChannelKey"/>), -1 when free.</param>
/// <param name="SecondChannel">A second one (the pair named in both an OpenLogicalChannel and an OpenLogicalChannelAck).</param>
internal record struct H323MediaChannel(ushort InsideRtpPort, uint PublicAddress, ushort PublicRtpPort, long Group, int Call, int FirstChannel, int SecondChannel);
