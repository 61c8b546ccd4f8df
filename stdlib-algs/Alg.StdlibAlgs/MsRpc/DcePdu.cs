namespace Alg.StdlibAlgs.MsRpc;

/// <summary>One DCE/RPC PDU's header and where its body lies (C706 §12.5.2, §12.6.3): offsets, never a copy.</summary>
/// <param name="Length">The PDU's bytes (connection-oriented: frag_length; connectionless: the datagram).</param>
/// <param name="LittleEndian">The data representation's integer format (drep byte 0 high nibble 1), which every
/// multi-byte header and NDR field of this PDU follows.</param>
/// <param name="StubOffset">Request/response: where the stub (NDR arguments or results) starts.</param>
/// <param name="StubLength">Request/response: the stub's length, auth verifier and its trailer excluded.</param>
/// <param name="ContextId">Connection-oriented request/response: p_cont_id.</param>
/// <param name="Opnum">Request: the operation.</param>
/// <param name="CallId">Connection-oriented: call_id; connectionless: seqnum.</param>
public readonly record struct DcePdu(
    DcePduType Type,
    byte Flags,
    bool LittleEndian,
    int Length,
    uint CallId,
    int StubOffset,
    int StubLength,
    ushort ContextId,
    ushort Opnum)
{
    /// <summary>PFC_FIRST_FRAG (C706 §12.6.3.1).</summary>
    public const byte FirstFragment = 0x01;

    /// <summary>PFC_LAST_FRAG.</summary>
    public const byte LastFragment = 0x02;

    /// <summary>PFC_OBJECT_UUID: a request carries an object UUID before its stub.</summary>
    public const byte ObjectUuid = 0x80;

    public bool IsFirst => (Flags & FirstFragment) != 0;

    public bool IsLast => (Flags & LastFragment) != 0;
}
