namespace Alg.Doctor;

/// <summary>A SIP message of one call with the party that sent it.</summary>
public sealed record CallMessage(SignallingRecord Message, CallParty Sender);
