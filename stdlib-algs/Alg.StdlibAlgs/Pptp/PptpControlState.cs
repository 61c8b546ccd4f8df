namespace Alg.StdlibAlgs.Pptp;

/// <summary>The control connection's state (RFC 2637 §3.1): calls are only set up on an established one.</summary>
public enum PptpControlState : byte
{
    /// <summary>No Start-Control-Connection-Request seen yet.</summary>
    Idle,

    /// <summary>SCCRQ seen: the reply is awaited.</summary>
    Requested,

    /// <summary>SCCRP with Result Code 1 (successful channel establishment).</summary>
    Established,

    /// <summary>Stop-Control-Connection-Request seen: the connection is going; its calls are gone.</summary>
    Stopping,
}
