namespace Alg.StdlibAlgs.MsRpc;

/// <summary>
/// Reads the presentation contexts of a bind or alter_context and the results of its bind_ack or alter_context_resp
/// (C706 §12.6.4.3, §12.6.4.4), so that only contexts the server accepted for the endpoint mapper (or DCOM activation)
/// are read later: p_cont_id ↔ abstract syntax, then results in the same order.
/// </summary>
public static class MsRpcContextParser
{
    /// <summary>Contexts tracked per bind (impacket and Windows offer 1-3: NDR, NDR64, bind time features).</summary>
    public const int MaxContexts = 8;

    /// <summary>Reads a bind's p_cont_list: each context's id and what its abstract syntax is.</summary>
    public static bool TryReadBind(ReadOnlySpan<byte> pdu, bool littleEndian, Span<ushort> ids, Span<MsRpcInterfaceKind> kinds, out int count, out MsRpcParseError error)
    {
        count = 0;
        error = MsRpcParseError.None;

        // max_xmit_frag, max_recv_frag, assoc_group_id, then n_context_elem and 3 reserved bytes.
        if (pdu.Length < 28)
        {
            error = MsRpcParseError.TruncatedBody;
            return false;
        }

        var elements = pdu[24];
        var position = 28;
        for (var i = 0; i < elements; i++)
        {
            // p_cont_id(2), n_transfer_syn(1), reserved(1), abstract_syntax (uuid 16 + version 4), transfer syntaxes.
            if (pdu.Length - position < 24)
            {
                error = MsRpcParseError.TruncatedBody;
                return false;
            }

            if (count == ids.Length)
            {
                error = MsRpcParseError.TooManyContexts;
                return false;
            }

            var transfers = pdu[position + 2];
            ids[count] = DcePduParser.Read16(pdu[position..], littleEndian);
            kinds[count] = MsRpcInterfaces.KindOf(new Guid(pdu.Slice(position + 4, 16), bigEndian: !littleEndian));
            count++;
            position += 24 + (20 * transfers);
        }

        if (position > pdu.Length)
        {
            error = MsRpcParseError.TruncatedBody;
            return false;
        }

        return true;
    }

    /// <summary>Reads a bind_ack's p_result_list: whether each offered context was accepted (result 0), and with NDR64
    /// as its transfer syntax ([MS-RPCE] 2.2.5).</summary>
    public static bool TryReadBindAck(ReadOnlySpan<byte> pdu, bool littleEndian, Span<bool> accepted, Span<bool> ndr64, out int count, out MsRpcParseError error)
    {
        count = 0;
        error = MsRpcParseError.None;

        // max_xmit_frag, max_recv_frag, assoc_group_id, then sec_addr (port_spec: length + string), aligned to 4.
        if (pdu.Length < 26)
        {
            error = MsRpcParseError.TruncatedBody;
            return false;
        }

        var secondaryLength = DcePduParser.Read16(pdu[24..], littleEndian);
        var position = (26 + secondaryLength + 3) & ~3;
        if (pdu.Length - position < 4)
        {
            error = MsRpcParseError.TruncatedBody;
            return false;
        }

        var results = pdu[position];
        position += 4;
        for (var i = 0; i < results; i++)
        {
            if (pdu.Length - position < 24)
            {
                error = MsRpcParseError.TruncatedBody;
                return false;
            }

            if (count == accepted.Length)
            {
                error = MsRpcParseError.TooManyContexts;
                return false;
            }

            accepted[count] = DcePduParser.Read16(pdu[position..], littleEndian) == 0;
            ndr64[count++] = new Guid(pdu.Slice(position + 4, 16), bigEndian: !littleEndian) == MsRpcInterfaces.Ndr64;
            position += 24;
        }

        return true;
    }
}
