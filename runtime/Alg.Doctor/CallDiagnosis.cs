namespace Alg.Doctor;

/// <summary>Everything the doctor found about one call (one Call-ID, RFC 3261 §12).</summary>
/// <param name="Silent">For one-way: the party whose audio is never heard; for no-audio both are, and this is null.</param>
/// <param name="StartNanoseconds">The time of the first INVITE: offsets in the output are from here.</param>
public sealed record CallDiagnosis(
    string CallId,
    string Caller,
    string Callee,
    string Transport,
    long StartNanoseconds,
    CallVerdict Verdict,
    CallParty? Silent,
    IReadOnlyList<CaptureVantage> Captures,
    IReadOnlyList<CallMessage> Signalling,
    IReadOnlyList<SdpExchange> OfferAnswer,
    IReadOnlyList<MediaDirectionReport> Media,
    IReadOnlyList<DoctorCause> Causes,
    IReadOnlyList<string> Notes);
