namespace Alg.Host.Control;

/// <summary>
/// One SIP signalling flow and what the gateway did for its calls, with the verdict <c>alg doctor</c> would give a
/// capture of it where the tables tell (the doctor's names: ok, one-way, no-audio, not-established).
/// </summary>
/// <param name="MediaPinholes">Pinholes the SIP ALG holds open for the far end's media.</param>
/// <param name="MediaFlows">Media flows those pinholes admitted (the far end's media reached the phone).</param>
public sealed record CallEntry(string Signalling, bool AlgOn, int Calls, int MediaPinholes, int MediaFlows, string Verdict, string Reason);
