namespace Alg.StdlibAlgs.Sip;

/// <summary>Which of the headers RFC 3261 §8.1.1 makes mandatory a message carries.</summary>
[Flags]
internal enum SipHeaderPresence : byte
{
    None = 0,
    To = 1,
    From = 2,
    CSeq = 4,
    CallId = 8,
    Via = 16,
    MaxForwards = 32,
}
