namespace Alg.Doctor;

/// <summary>An H.225.0 call signalling connection in one capture: which end is the caller, and the call a message on it
/// belongs to.</summary>
internal sealed record H323Connection(MediaEndpoint CallerEndpoint, string Caller, string Callee)
{
    public string CallId { get; init; } = string.Empty;
}
