namespace Alg.StdlibAlgs.SunRpc;

/// <summary>
/// Reads the header of one ONC RPC message (RFC 5531 §9) from its first byte: a CALL's program, version and procedure
/// and where its arguments start, or a REPLY's status and where its results start. Spans only; never copies.
/// </summary>
public static class SunRpcMessageParser
{
    /// <summary>The longest credential or verifier body (RFC 5531 §8.2: opaque body&lt;400&gt;).</summary>
    public const int MaxAuthBody = 400;

    public const uint Call = 0;
    public const uint Reply = 1;

    public static SunRpcParseStatus Parse(ReadOnlySpan<byte> message, out SunRpcMessage header, out SunRpcParseError error)
    {
        header = default;
        var reader = new XdrReader(message, 0);
        if (!reader.TryReadUInt32(out var xid) || !reader.TryReadUInt32(out var type))
        {
            return Fail(SunRpcParseError.TooShort, out error);
        }

        if (type == Call)
        {
            if (!reader.TryReadUInt32(out var rpcVersion) || !reader.TryReadUInt32(out var program)
                || !reader.TryReadUInt32(out var version) || !reader.TryReadUInt32(out var procedure))
            {
                return Fail(SunRpcParseError.TooShort, out error);
            }

            if (rpcVersion != 2)
            {
                return Fail(SunRpcParseError.BadRpcVersion, out error);
            }

            // cred, then verf: opaque_auth { flavor, body<400> } (RFC 5531 §8.2).
            if (!SkipAuth(ref reader) || !SkipAuth(ref reader))
            {
                return Fail(SunRpcParseError.BadAuthLength, out error);
            }

            header = new SunRpcMessage(xid, true, program, version, procedure, false, reader.Position);
            error = SunRpcParseError.None;
            return SunRpcParseStatus.Complete;
        }

        if (type != Reply)
        {
            return Fail(SunRpcParseError.BadMessageType, out error);
        }

        if (!reader.TryReadUInt32(out var replyStatus))
        {
            return Fail(SunRpcParseError.TooShort, out error);
        }

        if (replyStatus == 1)
        {
            // MSG_DENIED: RPC_MISMATCH (0) or AUTH_ERROR (1); no results.
            if (!reader.TryReadUInt32(out var rejectStatus) || rejectStatus > 1)
            {
                return Fail(SunRpcParseError.BadReplyStatus, out error);
            }

            header = new SunRpcMessage(xid, false, 0, 0, 0, false, reader.Position);
            error = SunRpcParseError.None;
            return SunRpcParseStatus.Complete;
        }

        if (replyStatus != 0)
        {
            return Fail(SunRpcParseError.BadReplyStatus, out error);
        }

        if (!SkipAuth(ref reader))
        {
            return Fail(SunRpcParseError.BadAuthLength, out error);
        }

        // accept_stat: SUCCESS 0 … SYSTEM_ERR 5.
        if (!reader.TryReadUInt32(out var acceptStatus))
        {
            return Fail(SunRpcParseError.TooShort, out error);
        }

        if (acceptStatus > 5)
        {
            return Fail(SunRpcParseError.BadReplyStatus, out error);
        }

        header = new SunRpcMessage(xid, false, 0, 0, 0, acceptStatus == 0, reader.Position);
        error = SunRpcParseError.None;
        return SunRpcParseStatus.Complete;
    }

    /// <summary>The counter text for a reason, with the rule it breaks.</summary>
    public static string Describe(SunRpcParseError error) => error switch
    {
        SunRpcParseError.TooShort => "SunRPC: shorter than an RPC call or reply header (RFC 5531 §9)",
        SunRpcParseError.BadMessageType => "SunRPC: a msg_type other than CALL or REPLY (RFC 5531 §9)",
        SunRpcParseError.BadRpcVersion => "SunRPC: a call whose rpcvers is not 2 (RFC 5531 §9)",
        SunRpcParseError.BadAuthLength => "SunRPC: a credential or verifier longer than 400 bytes or than the message (RFC 5531 §8.2)",
        SunRpcParseError.BadReplyStatus => "SunRPC: a reply, accept or reject status that is not defined (RFC 5531 §9)",
        SunRpcParseError.BadRecordMark => "SunRPC: a record mark announcing a fragment longer than any portmapper message (RFC 5531 §11)",
        SunRpcParseError.TooManyFragments => "SunRPC: a record in more fragments than the ALG follows (RFC 5531 §11)",
        SunRpcParseError.TruncatedBody => "SunRPC: portmapper arguments or results shorter than their XDR layout (RFC 1833 §2.2, §3)",
        SunRpcParseError.BadString => "SunRPC: an XDR string longer than its limit or the message (RFC 4506 §4.11)",
        SunRpcParseError.BadUniversalAddress => "SunRPC: a universal address that is not h1.h2.h3.h4.p1.p2 (RFC 5665 §5.2.3.3)",
        SunRpcParseError.ListTooLong => "SunRPC: a DUMP or GETADDRLIST list longer than the ALG reads (algs.md §6.3)",
        _ => "SunRPC: not ONC RPC",
    };

    private static bool SkipAuth(ref XdrReader reader) => reader.TryReadUInt32(out _) && reader.TrySkipOpaque(MaxAuthBody);

    private static SunRpcParseStatus Fail(SunRpcParseError reason, out SunRpcParseError error)
    {
        error = reason;
        return SunRpcParseStatus.Error;
    }
}
