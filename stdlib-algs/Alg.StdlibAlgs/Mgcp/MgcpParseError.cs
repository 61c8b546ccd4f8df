namespace Alg.StdlibAlgs.Mgcp;

/// <summary>Why a message of a datagram is not MGCP (RFC 3435 §3.1-3.5).</summary>
public enum MgcpParseError : byte
{
    None,

    /// <summary>Neither a command line (<c>VERB txid endpoint MGCP 1.0</c>) nor a response line (<c>code txid</c>).</summary>
    NotAStartLine,

    /// <summary>A transaction id that is not 1 to 9 digits (§3.2.1.2).</summary>
    BadTransactionId,

    /// <summary>A parameter line without a name and colon (§3.2.2).</summary>
    BadParameter,
}
