namespace Alg.StdlibAlgs.Sip;

/// <summary>The header fields the SIP ALG reads or must leave alone; everything else is <see cref="Other"/>.</summary>
public enum SipHeaderKind : byte
{
    Other,
    Via,
    Contact,
    From,
    To,
    CallId,
    CSeq,
    ContentLength,
    ContentType,
    Expires,
    RecordRoute,
    Route,
    MaxForwards,
}
