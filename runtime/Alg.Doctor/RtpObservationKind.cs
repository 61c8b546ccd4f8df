namespace Alg.Doctor;

/// <summary>How a flow of RTP relates to what the receiver announced in its SDP.</summary>
public enum RtpObservationKind
{
    /// <summary>Sent to the receiver's current SDP endpoint (RFC 3264 §6: where media must go).</summary>
    ToAnnounced,

    /// <summary>Seen on the receiver's side of the NAT at its own address and announced port: the NAT delivered it.</summary>
    ArrivedTranslated,

    /// <summary>Sent to an endpoint the receiver announced earlier and a re-INVITE replaced.</summary>
    ToOldEndpoint,

    /// <summary>From the sender's media endpoint, to something the receiver never announced.</summary>
    Stray,
}
