namespace Alg.Doctor;

/// <summary>One RTP flow of a call's media direction, in one capture.</summary>
public sealed record RtpObservation(
    string Capture,
    MediaEndpoint Source,
    MediaEndpoint Destination,
    long Packets,
    long FirstNanoseconds,
    long LastNanoseconds,
    RtpObservationKind Kind)
{
    public bool Delivers => Kind is RtpObservationKind.ToAnnounced or RtpObservationKind.ArrivedTranslated;
}
