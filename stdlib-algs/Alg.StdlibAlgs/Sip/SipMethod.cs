namespace Alg.StdlibAlgs.Sip;

/// <summary>The request methods that change what the SIP ALG keeps (RFC 3261 §7.1, RFC 3262, RFC 3311).</summary>
internal enum SipMethod : byte
{
    Other,
    Invite,
    Ack,
    Bye,
    Cancel,
    Register,
    Update,
    Prack,
}
