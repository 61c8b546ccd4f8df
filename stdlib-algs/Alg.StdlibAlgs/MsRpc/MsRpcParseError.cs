namespace Alg.StdlibAlgs.MsRpc;

/// <summary>Why bytes are not DCE/RPC the ALG can read (C706 §12.5, §12.6, Appendix L; [MS-RPCE] 2.2).</summary>
public enum MsRpcParseError : byte
{
    None,

    /// <summary>rpc_vers not 5 (connection-oriented) or 4 (connectionless) (C706 §12.5.2.1, §12.6.3.1).</summary>
    BadVersion,

    /// <summary>A packet type the protocol does not define (C706 §12.6.4).</summary>
    UnknownType,

    /// <summary>frag_length below the header, or an auth_length that does not fit in it (C706 §12.6.3.1).</summary>
    BadLength,

    /// <summary>A bind, bind_ack, request or response body shorter than its fields (C706 §12.6.4).</summary>
    TruncatedBody,

    /// <summary>More presentation contexts than the ALG tracks (C706 §12.6.3.1 p_cont_list).</summary>
    TooManyContexts,

    /// <summary>An endpoint-mapper reply whose NDR does not fit the stub (C706 Appendix O; [MS-RPCE] 2.2.1.2).</summary>
    BadNdr,

    /// <summary>More towers or entries than the ALG reads (algs.md §5.3).</summary>
    TooManyTowers,

    /// <summary>A tower whose floors do not fit its octet string (C706 Appendix L).</summary>
    BadTower,

    /// <summary>A call's fragments together longer than the ALG reads whole.</summary>
    CallTooLong,
}
