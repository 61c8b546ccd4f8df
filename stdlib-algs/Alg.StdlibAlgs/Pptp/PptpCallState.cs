namespace Alg.StdlibAlgs.Pptp;

/// <summary>Where one call of a control connection is (RFC 2637 §3.2, §3.3).</summary>
public enum PptpCallState : byte
{
    /// <summary>OCRQ seen from the PNS: the PAC's Outgoing-Call-Reply is awaited.</summary>
    AwaitingOutgoingReply,

    /// <summary>ICRQ seen from the PAC: the PNS's Incoming-Call-Reply is awaited.</summary>
    AwaitingIncomingReply,

    /// <summary>ICRP (accept) seen from the PNS: the PAC's Incoming-Call-Connected is awaited.</summary>
    AwaitingIncomingConnected,

    /// <summary>Connected: its GRE tunnel is open.</summary>
    Established,
}
