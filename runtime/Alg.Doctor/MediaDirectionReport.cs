namespace Alg.Doctor;

/// <summary>One direction of a call's audio and whether the captures show it reaching the other side.</summary>
/// <param name="Announced">The receiver's audio endpoint from its SDP, as the sender saw it (or as close to the sender as the captures go).</param>
/// <param name="AnnouncedIn">The capture that <paramref name="Announced"/> was read from.</param>
public sealed record MediaDirectionReport(
    CallParty From,
    CallParty To,
    MediaEndpoint? Announced,
    string? AnnouncedIn,
    bool Heard,
    IReadOnlyList<RtpObservation> Observations);
