namespace Alg.Doctor;

/// <summary>An H.225.0 call signalling connection in one capture: which end is the caller.</summary>
internal sealed record H323Connection(MediaEndpoint CallerEndpoint, string Caller, string Callee);
