namespace Alg.Doctor;

/// <summary>The two ends of a dialog: the caller sent the initial INVITE (RFC 3261 §12.1).</summary>
public enum CallParty
{
    Caller,
    Callee,
}
