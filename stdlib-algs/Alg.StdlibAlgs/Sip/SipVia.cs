namespace Alg.StdlibAlgs.Sip;

/// <summary>
/// The parts of the top Via a NAT cares about (RFC 3261 §18.2.1, §20.42; RFC 3581 §3-4), as absolute
/// offsets: the transport, the sent-by host:port, and the received, rport and maddr parameters.
/// A parameter's value offsets are -1 when it is absent; an rport without a value has length 0.
/// </summary>
public readonly record struct SipVia(
    int TransportStart,
    int TransportLength,
    SipHostPort SentBy,
    int ReceivedStart,
    int ReceivedLength,
    int RportStart,
    int RportLength,
    bool HasRport,
    int MaddrStart,
    int MaddrLength,
    int BranchStart,
    int BranchLength);
