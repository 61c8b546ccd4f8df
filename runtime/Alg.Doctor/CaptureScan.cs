namespace Alg.Doctor;

/// <summary>What one capture holds for the doctor: its SIP messages and its RTP flows, in capture order.</summary>
public sealed record CaptureScan(string Name, IReadOnlyList<SignallingRecord> Messages, IReadOnlyList<RtpFlow> Flows, long FirstNanoseconds);
