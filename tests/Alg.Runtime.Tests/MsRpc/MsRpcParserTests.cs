using Alg.StdlibAlgs.MsRpc;

namespace Alg.Runtime.Tests.MsRpc;

/// <summary>The DCE/RPC parsers on their own: PDU framing and refusals (C706 §12.5.2.1, §12.6.3.1), towers with their
/// mixed byte orders (Appendix L), the endpoint mapper's NDR as impacket encodes it ([MS-RPCE] 2.2.1.2), and DCOM
/// string bindings ([MS-DCOM] 2.2.19.3).</summary>
public sealed class MsRpcParserTests
{
    [Fact]
    public void The_csharp_test_builder_encodes_ept_map_replies_as_impacket_does()
    {
        var ours = Dce.MapResponseStub(true, Dce.Tower(Dce.Svcctl, 0x07, 49683, Alg.Runtime.Tests.Support.Ip.V4("192.168.1.21")));
        var impacket = Dce.Stub("map-response");

        // The same except for the referent id (impacket numbers them at random) and the padding bytes it leaves.
        Assert.Equal(impacket.Length, ours.Length);
        Assert.Equal(impacket[..36], ours[..36]);
        Assert.Equal(impacket[40..(40 + 8 + 75)], ours[40..(40 + 8 + 75)]);
    }

    [Fact]
    public void A_tower_gives_interface_protocol_port_and_address_each_in_its_own_byte_order_c706_appendix_l()
    {
        var tower = Dce.Tower(Dce.Svcctl, 0x07, 49683, 0xC0A80115);
        Assert.True(EpmTowerParser.TryParse(tower, out var parsed));
        Assert.Equal((Dce.Svcctl, (byte)6, (ushort)49683, 0xC0A80115u), (parsed.Interface, parsed.Protocol, parsed.Port, parsed.Address));
        Assert.Equal(0xC2, tower[parsed.PortOffset]);
        Assert.Equal(0x13, tower[parsed.PortOffset + 1]);
        Assert.Equal(192, tower[parsed.AddressOffset]);

        Assert.True(EpmTowerParser.TryParse(Dce.Tower(Dce.Lsarpc, 0x08, 49700, 0), out parsed));
        Assert.Equal((byte)17, parsed.Protocol);
        Assert.False(EpmTowerParser.TryParse(tower[..^3], out _));
        Assert.False(EpmTowerParser.TryParse([0xFF, 0xFF], out _));
    }

    [Fact]
    public void Impacket_encoded_ept_map_and_ept_lookup_stubs_read_back_ms_rpce_2_2_1_2()
    {
        Assert.True(EpmNdr.TryReadMapRequest(Dce.Stub("map-request"), true, false, out var asked, out var protocol));
        Assert.Equal((Dce.Svcctl, (byte)6), (asked, protocol));

        Span<EpmTowerAt> towers = stackalloc EpmTowerAt[EpmNdr.MaxTowers];
        Assert.True(EpmNdr.TryReadMapResponse(Dce.Stub("map-response"), true, false, towers, out var count, out _));
        Assert.Equal(1, count);
        Assert.Equal((ushort)49683, towers[0].Tower.Port);

        Assert.True(EpmNdr.TryReadLookupResponse(Dce.Stub("lookup-response"), true, false, towers, out count, out _));
        Assert.Equal(3, count);
        Assert.Equal(((byte)6, (ushort)49683), (towers[0].Tower.Protocol, towers[0].Tower.Port));
        Assert.Equal(((byte)17, (ushort)49700), (towers[1].Tower.Protocol, towers[1].Tower.Port));
        Assert.Equal((byte)0, towers[2].Tower.Protocol);
    }

    [Fact]
    public void Truncated_and_oversized_ndr_is_refused_not_thrown()
    {
        Span<EpmTowerAt> towers = stackalloc EpmTowerAt[EpmNdr.MaxTowers];
        var stub = Dce.Stub("map-response");
        for (var length = 0; length < stub.Length; length++)
        {
            Assert.False(EpmNdr.TryReadMapResponse(stub[..length], true, false, towers, out _, out _));
        }

        var many = (byte[])stub.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(many.AsSpan(32), EpmNdr.MaxTowers + 1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(many.AsSpan(24), EpmNdr.MaxTowers + 1);
        Assert.False(EpmNdr.TryReadMapResponse(many, true, false, towers, out _, out var error));
        Assert.Equal(MsRpcParseError.TooManyTowers, error);

        var huge = (byte[])stub.Clone();
        huge[44] = 0xFF;
        huge[45] = 0xFF;
        huge[40] = 0xFF;
        huge[41] = 0xFF;
        Assert.False(EpmNdr.TryReadMapResponse(huge, true, false, towers, out _, out _));
    }

    public static TheoryData<byte[], MsRpcParseError> Refused() => new()
    {
        { "GET / HTTP/1.1\r\n"u8.ToArray(), MsRpcParseError.BadVersion },
        { Dce.Pdu(40, 3, 1, true, new byte[8]), MsRpcParseError.UnknownType },
        { Dce.Pdu(1, 3, 1, true, new byte[8]), MsRpcParseError.UnknownType },
        { WithLength(Dce.Pdu(2, 3, 1, true, new byte[8]), 8), MsRpcParseError.BadLength },
        { Dce.Pdu(2, 3, 1, true, new byte[8], authLength: 4), MsRpcParseError.BadLength },
        { Dce.Pdu(2, 3, 1, true, new byte[4]), MsRpcParseError.TruncatedBody },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Pdus_that_break_c706_are_refused_with_their_reason(byte[] pdu, MsRpcParseError reason)
    {
        Assert.Equal(MsRpcParseStatus.Error, DcePduParser.Parse(pdu, out _, out var error));
        Assert.Equal(reason, error);
        Assert.StartsWith("MS-RPC: ", DcePduParser.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_with_an_auth_verifier_ends_its_stub_before_the_trailer_c706_13_2_6_1()
    {
        var pdu = Dce.Response(9, 0, new byte[40], authLength: 16);
        Assert.Equal(MsRpcParseStatus.Complete, DcePduParser.Parse(pdu, out var parsed, out _));
        Assert.Equal((24, 40, 9u), (parsed.StubOffset, parsed.StubLength, parsed.CallId));
        Assert.Equal(MsRpcParseStatus.Incomplete, DcePduParser.Parse(pdu[..^1], out _, out _));
    }

    [Fact]
    public void Big_endian_headers_are_read_in_their_own_order_c706_12_6_3_1()
    {
        var pdu = Dce.Response(0x01020304, 0, new byte[12], littleEndian: false);
        Assert.Equal(MsRpcParseStatus.Complete, DcePduParser.Parse(pdu, out var parsed, out _));
        Assert.Equal((false, 0x01020304u, pdu.Length), (parsed.LittleEndian, parsed.CallId, parsed.Length));
    }

    [Fact]
    public void Binds_and_their_acks_give_the_contexts_and_which_were_accepted_c706_12_6_4_3()
    {
        Span<ushort> ids = stackalloc ushort[MsRpcContextParser.MaxContexts];
        Span<MsRpcInterfaceKind> kinds = stackalloc MsRpcInterfaceKind[MsRpcContextParser.MaxContexts];
        Assert.True(MsRpcContextParser.TryReadBind(Dce.Bind(1, false, (0, Dce.Svcctl), (1, Dce.Epm)), false, ids, kinds, out var count, out _));
        Assert.Equal(2, count);
        Assert.Equal((MsRpcInterfaceKind.Other, MsRpcInterfaceKind.EndpointMapper), (kinds[0], kinds[1]));

        Span<bool> accepted = stackalloc bool[MsRpcContextParser.MaxContexts];
        Span<bool> ndr64 = stackalloc bool[MsRpcContextParser.MaxContexts];
        Assert.True(MsRpcContextParser.TryReadBindAck(Dce.BindAck(1, true, false, true), true, accepted, ndr64, out count, out _));
        Assert.Equal((2, false, true), (count, accepted[0], accepted[1]));
        Assert.False(MsRpcContextParser.TryReadBind(Dce.Bind(1, true, (0, Dce.Epm))[..40], true, ids, kinds, out _, out _));
    }

    [Fact]
    public void Dcom_string_bindings_are_found_with_their_host_and_port_ms_dcom_2_2_19_3()
    {
        var stub = Dce.Concat(new byte[] { 9, 9, 0x07 }, Dce.Utf16Binding("HOST-1[49718]"), Dce.Utf16Binding("10.10.10.100[49718]"), Dce.Utf16Binding("10.10.10.100[x]"), new byte[] { 0, 0 });
        Span<DcomStringBinding> bindings = stackalloc DcomStringBinding[8];
        var count = DcomStringBindingScanner.Scan(stub, bindings);
        Assert.Equal(2, count);
        Assert.Equal((0u, (ushort)49718), (bindings[0].Address, bindings[0].Port));
        Assert.Equal((0x0A0A0A64u, (ushort)49718), (bindings[1].Address, bindings[1].Port));
    }

    private static byte[] WithLength(byte[] pdu, ushort length)
    {
        pdu[8] = (byte)length;
        pdu[9] = (byte)(length >> 8);
        return pdu;
    }
}
