namespace Alg.StdlibAlgs.H323;

/// <summary>Which field of an H.225.0 or H.245 message a transport address was found in (algs.md §4.2, §14.4).</summary>
public enum H323AddressKind : byte
{
    /// <summary>H.225.0 Setup/CallProceeding/Alerting/Connect/Progress/Facility <c>h245Address</c>: where the sender
    /// listens for the call's H.245 connection.</summary>
    H245Address,

    /// <summary>H.225.0 Setup and RAS ARQ/ACF <c>destCallSignalAddress</c>.</summary>
    DestCallSignalAddress,

    /// <summary>H.225.0 Setup <c>sourceCallSignalAddress</c>, RAS ARQ <c>srcCallSignalAddress</c>.</summary>
    SourceCallSignalAddress,

    /// <summary>H.225.0 Facility <c>alternativeAddress</c> (callForwarded: the NAT Slipstreaming 2.0 field).</summary>
    AlternativeAddress,

    /// <summary>H.245 H2250LogicalChannel(Ack)Parameters <c>mediaChannel</c>: where the sender receives RTP.</summary>
    MediaChannel,

    /// <summary>H.245 <c>mediaControlChannel</c>: where the sender receives RTCP.</summary>
    MediaControlChannel,

    /// <summary>H.245 OpenLogicalChannel(Ack) <c>separateStack.networkAddress.localAreaAddress</c> (T.120 data).</summary>
    SeparateStack,

    /// <summary>RAS <c>rasAddress</c> (GRQ, GCF, RRQ, LCF, IRR).</summary>
    RasAddress,

    /// <summary>RAS <c>callSignalAddress</c> (RRQ, RCF, URQ, LCF, IRR): where the endpoint takes calls.</summary>
    CallSignalAddress,

    /// <summary>RAS LRQ <c>replyAddress</c>.</summary>
    ReplyAddress,

    /// <summary>Not an address: an H.245 CloseLogicalChannel for <see cref="H323AddressField.Channel"/>.</summary>
    ChannelClosed,
}
