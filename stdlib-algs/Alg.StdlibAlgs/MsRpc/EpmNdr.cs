namespace Alg.StdlibAlgs.MsRpc;

/// <summary>
/// The endpoint mapper's NDR ([MS-RPCE] 2.2.1.2, C706 Appendix O): what an ept_map or ept_lookup request asks for and
/// the towers its response returns. Integers follow the PDU's data representation; every count is bounded and every
/// read checked against the stub.
/// </summary>
public static class EpmNdr
{
    public const ushort LookupOpnum = 2;
    public const ushort MapOpnum = 3;

    /// <summary>Towers or entries read from one reply: ept_map's max_towers is a handful; an ept_lookup listing (rpcdump
    /// asks for up to 500 per page, a Samba or Windows host answers a few dozen) with more than this is refused as
    /// malformed and forwarded untouched.</summary>
    public const int MaxTowers = 256;

    /// <summary>The longest tower read (a 5-floor ncacn_ip_tcp tower is 75 bytes).</summary>
    public const int MaxTowerLength = 512;

    /// <summary>ept_map request: object (unique ptr to uuid), map_tower (unique ptr to twr_t), entry_handle,
    /// max_towers. Gives the interface and protocol of the tower the client asks to map.</summary>
    public static bool TryReadMapRequest(ReadOnlySpan<byte> stub, bool littleEndian, bool ndr64, out Guid asked, out byte protocol)
    {
        asked = default;
        protocol = 0;
        var reader = new NdrReader(stub, littleEndian, ndr64);
        if (!reader.TryReadSize(out var objectReferent) || (objectReferent != 0 && !reader.TryReadUuid(out _))
            || !reader.TryReadSize(out var towerReferent) || towerReferent == 0
            || !reader.TryReadSize(out var maximum)
            || !reader.TryReadUInt32(out var towerLength) || towerLength > MaxTowerLength || towerLength > maximum)
        {
            return false;
        }

        var start = reader.Position;
        if (!reader.TrySkip((int)towerLength) || !EpmTowerParser.TryParse(stub.Slice(start, (int)towerLength), out var tower))
        {
            return false;
        }

        asked = tower.Interface;
        protocol = tower.Protocol;
        return true;
    }

    /// <summary>ept_lookup request: inquiry_type, object (unique ptr), Ifid (unique ptr to rpc_if_id_t), …: the
    /// interface asked about, or none (every registered endpoint).</summary>
    public static bool TryReadLookupRequest(ReadOnlySpan<byte> stub, bool littleEndian, bool ndr64, out Guid asked)
    {
        asked = default;
        var reader = new NdrReader(stub, littleEndian, ndr64);
        if (!reader.TryReadUInt32(out _) || !reader.TryReadSize(out var objectReferent) || (objectReferent != 0 && !reader.TryReadUuid(out _))
            || !reader.TryReadSize(out var interfaceReferent))
        {
            return false;
        }

        return interfaceReferent == 0 || reader.TryReadUuid(out asked);
    }

    /// <summary>ept_map response: entry_handle (20), num_towers, then a conformant-varying array of tower pointers
    /// (max_count, offset, actual_count, referent ids) followed by each pointed-to twr_t (max_count, tower_length,
    /// octets), then status.</summary>
    public static bool TryReadMapResponse(ReadOnlySpan<byte> stub, bool littleEndian, bool ndr64, Span<EpmTowerAt> towers, out int count, out MsRpcParseError error) =>
        IsWhole(WalkReply(stub, littleEndian, ndr64, lookup: false, towers, out count, out _, out error), ref error);

    /// <summary>ept_lookup response: entry_handle (20), num_ents, then a conformant-varying array of ept_entry_t
    /// (object uuid, tower pointer, annotation as a varying string) followed by each pointed-to twr_t, then status.</summary>
    public static bool TryReadLookupResponse(ReadOnlySpan<byte> stub, bool littleEndian, bool ndr64, Span<EpmTowerAt> towers, out int count, out MsRpcParseError error) =>
        IsWhole(WalkReply(stub, littleEndian, ndr64, lookup: true, towers, out count, out _, out error), ref error);

    /// <summary>Reads an ept_map (<paramref name="lookup"/> false) or ept_lookup reply as far as <paramref name="stub"/>
    /// goes: a reply still arriving gives the towers wholly present so far and, in <paramref name="stop"/>, where the
    /// first element not yet whole starts — so a long reply can be translated tower by tower as it passes.</summary>
    public static EpmWalkStatus WalkReply(ReadOnlySpan<byte> stub, bool littleEndian, bool ndr64, bool lookup, Span<EpmTowerAt> towers, out int count, out int stop, out MsRpcParseError error)
    {
        count = 0;
        stop = 0;
        error = MsRpcParseError.None;
        var reader = new NdrReader(stub, littleEndian, ndr64);
        if (!reader.TrySkip(20) || !reader.TryReadUInt32(out _) || !reader.TryReadSize(out _) || !reader.TryReadSize(out _)
            || !reader.TryReadSize(out var actual))
        {
            return EpmWalkStatus.Truncated;
        }

        if (actual > towers.Length)
        {
            error = MsRpcParseError.TooManyTowers;
            return EpmWalkStatus.Malformed;
        }

        Span<bool> present = stackalloc bool[MaxTowers];
        for (var i = 0; i < actual; i++)
        {
            stop = reader.Position;
            if (!lookup)
            {
                if (!reader.TryReadSize(out var pointer))
                {
                    return EpmWalkStatus.Truncated;
                }

                present[i] = pointer != 0;
                continue;
            }

            // object uuid, tower referent, annotation: offset, actual_count, chars (at most 64).
            reader.AlignStructure();
            if (!reader.TryReadUuid(out _) || !reader.TryReadSize(out var referent) || !reader.TryReadSize(out _)
                || !reader.TryReadSize(out var annotation))
            {
                return EpmWalkStatus.Truncated;
            }

            if (annotation > 64)
            {
                error = MsRpcParseError.BadNdr;
                return EpmWalkStatus.Malformed;
            }

            if (!reader.TrySkip((int)annotation))
            {
                return EpmWalkStatus.Truncated;
            }

            present[i] = referent != 0;
        }

        for (var i = 0; i < actual; i++)
        {
            stop = reader.Position;
            if (present[i])
            {
                var status = ReadTower(stub, ref reader, towers, ref count, out error);
                if (status != EpmWalkStatus.Complete)
                {
                    return status;
                }
            }
        }

        stop = reader.Position;
        return reader.TryReadUInt32(out _) ? EpmWalkStatus.Complete : EpmWalkStatus.Truncated;
    }

    private static bool IsWhole(EpmWalkStatus status, ref MsRpcParseError error)
    {
        if (status == EpmWalkStatus.Truncated)
        {
            error = MsRpcParseError.BadNdr;
        }

        return status == EpmWalkStatus.Complete;
    }

    private static EpmWalkStatus ReadTower(ReadOnlySpan<byte> stub, scoped ref NdrReader reader, Span<EpmTowerAt> towers, ref int count, out MsRpcParseError error)
    {
        error = MsRpcParseError.None;

        // twr_t is a conformant structure: its array's max_count comes first, then tower_length (C706 §14.3.7.2).
        if (!reader.TryReadSize(out var maximum) || !reader.TryReadUInt32(out var length))
        {
            return EpmWalkStatus.Truncated;
        }

        if (length > MaxTowerLength || maximum < length)
        {
            error = MsRpcParseError.BadNdr;
            return EpmWalkStatus.Malformed;
        }

        var start = reader.Position;
        if (!reader.TrySkip((int)length))
        {
            return EpmWalkStatus.Truncated;
        }

        if (!EpmTowerParser.TryParse(stub.Slice(start, (int)length), out var tower))
        {
            error = MsRpcParseError.BadTower;
            return EpmWalkStatus.Malformed;
        }

        towers[count++] = new EpmTowerAt(start, tower);
        return EpmWalkStatus.Complete;
    }
}
