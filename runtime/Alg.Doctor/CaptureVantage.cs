namespace Alg.Doctor;

/// <summary>Where a capture was taken, relative to the NAT, for one call.</summary>
/// <param name="Inside">The phone's side: the party behind the NAT appears with its private address.</param>
public sealed record CaptureVantage(string Capture, bool Inside);
