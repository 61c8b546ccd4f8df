using System.Buffers.Binary;

namespace Alg.Runtime.Tests.MsRpc;

/// <summary>DCE/RPC PDUs as Windows and impacket send them (C706 §12.5-12.6, [MS-RPCE] 2.2.1.2), in either data
/// representation, and the endpoint-mapper stubs impacket encoded (tests/data/msrpc/epm-stubs.txt, made by
/// make-epm-stubs.py beside it).</summary>
internal static class Dce
{
    public static readonly Guid Epm = new("e1af8308-5d1f-11c9-91a4-08002b14a0fa");
    public static readonly Guid Svcctl = new("367abb81-9844-35f1-ad32-98f038001003");
    public static readonly Guid Lsarpc = new("12345778-1234-abcd-ef00-0123456789ab");
    public static readonly Guid Activator = new("000001a0-0000-0000-c000-000000000046");
    private static readonly Guid Ndr = new("8a885d04-1ceb-11c9-9fe8-08002b104860");

    private static readonly Lazy<Dictionary<string, byte[]>> ImpacketStubs = new(Load);

    /// <summary>An impacket-encoded stub: <c>map-request</c>, <c>map-response</c> (SVCCTL, TCP 49683 on
    /// 192.168.1.21), <c>lookup-response</c> (SVCCTL TCP 49683, LSARPC UDP 49700, LSARPC on a named pipe).</summary>
    public static byte[] Stub(string name) => ImpacketStubs.Value[name];

    public static byte[] Bind(uint callId, bool littleEndian, params (ushort Id, Guid Interface)[] contexts)
    {
        var body = new List<byte>();
        body.AddRange(U16(5840, littleEndian));
        body.AddRange(U16(5840, littleEndian));
        body.AddRange(U32(0, littleEndian));
        body.AddRange(new byte[] { (byte)contexts.Length, 0, 0, 0 });
        foreach (var (id, uuid) in contexts)
        {
            body.AddRange(U16(id, littleEndian));
            body.AddRange(new byte[] { 1, 0 });
            body.AddRange(Uuid(uuid, littleEndian));
            body.AddRange(U16(uuid == Epm ? (ushort)3 : (ushort)2, littleEndian));
            body.AddRange(U16(0, littleEndian));
            body.AddRange(Uuid(Ndr, littleEndian));
            body.AddRange(U32(2, littleEndian));
        }

        return Pdu(11, 3, callId, littleEndian, [.. body]);
    }

    public static byte[] BindAck(uint callId, bool littleEndian, params bool[] accepted)
    {
        var body = new List<byte>();
        body.AddRange(U16(5840, littleEndian));
        body.AddRange(U16(5840, littleEndian));
        body.AddRange(U32(0x1234, littleEndian));
        body.AddRange(U16(4, littleEndian));
        body.AddRange("135\0"u8.ToArray());
        body.AddRange(new byte[] { 0, 0 });
        body.AddRange(new byte[] { (byte)accepted.Length, 0, 0, 0 });
        foreach (var ok in accepted)
        {
            body.AddRange(U16(ok ? (ushort)0 : (ushort)2, littleEndian));
            body.AddRange(U16(ok ? (ushort)0 : (ushort)1, littleEndian));
            body.AddRange(Uuid(Ndr, littleEndian));
            body.AddRange(U32(2, littleEndian));
        }

        return Pdu(12, 3, callId, littleEndian, [.. body]);
    }

    public static byte[] Request(uint callId, ushort context, ushort opnum, byte[] stub, bool littleEndian = true) =>
        Pdu(0, 3, callId, littleEndian, [.. U32((uint)stub.Length, littleEndian), .. U16(context, littleEndian), .. U16(opnum, littleEndian), .. stub]);

    /// <param name="authLength">With an auth verifier of this many bytes (and its 8-byte sec_trailer) after the stub.</param>
    public static byte[] Response(uint callId, ushort context, byte[] stub, bool littleEndian = true, byte flags = 3, int authLength = 0)
    {
        var auth = authLength == 0 ? [] : new byte[8 + authLength];
        if (authLength > 0)
        {
            auth[0] = 10;
            auth[1] = 6;
            Array.Fill(auth, (byte)0xEE, 8, authLength);
        }

        return Pdu(2, flags, callId, littleEndian, [.. U32((uint)stub.Length, littleEndian), .. U16(context, littleEndian), 0, 0, .. stub, .. auth], authLength);
    }

    /// <summary>A reply stub cut into fragments of at most <paramref name="fragmentStub"/> stub bytes (C706 §12.6.3.1).</summary>
    public static byte[] FragmentedResponse(uint callId, ushort context, byte[] stub, int fragmentStub, bool littleEndian = true)
    {
        var parts = new List<byte>();
        for (var offset = 0; offset < stub.Length; offset += fragmentStub)
        {
            var piece = stub[offset..Math.Min(stub.Length, offset + fragmentStub)];
            var flags = (byte)((offset == 0 ? 1 : 0) | (offset + fragmentStub >= stub.Length ? 2 : 0));
            parts.AddRange(Response(callId, context, piece, littleEndian, flags));
        }

        return [.. parts];
    }

    /// <summary>An ncacn_ip_tcp (0x07) or ncadg_ip_udp (0x08) tower: floor counts and lengths little-endian, port and
    /// address big-endian (C706 Appendix L).</summary>
    public static byte[] Tower(Guid uuid, byte transport, ushort port, uint address)
    {
        var floors = new List<byte>();
        floors.AddRange(U16(5, true));
        floors.AddRange(U16(19, true));
        floors.Add(0x0D);
        floors.AddRange(uuid.ToByteArray());
        floors.AddRange(U16(2, true));
        floors.AddRange(U16(2, true));
        floors.AddRange(U16(0, true));
        floors.AddRange(U16(19, true));
        floors.Add(0x0D);
        floors.AddRange(Ndr.ToByteArray());
        floors.AddRange(U16(2, true));
        floors.AddRange(U16(2, true));
        floors.AddRange(U16(0, true));
        floors.AddRange(U16(1, true));
        floors.Add(transport == 0x08 ? (byte)0x0A : (byte)0x0B);
        floors.AddRange(U16(2, true));
        floors.AddRange(U16(0, true));
        floors.AddRange(U16(1, true));
        floors.Add(transport);
        floors.AddRange(U16(2, true));
        floors.AddRange(U16(port, false));
        floors.AddRange(U16(1, true));
        floors.Add(0x09);
        floors.AddRange(U16(4, true));
        floors.AddRange(U32(address, false));
        return [.. floors];
    }

    /// <summary>ept_map's response stub: handle, num_towers, the pointer array, each twr_t (max_count, length,
    /// octets, padding), status.</summary>
    public static byte[] MapResponseStub(bool littleEndian, params byte[][] towers)
    {
        var stub = new List<byte>(new byte[20]);
        stub.AddRange(U32((uint)towers.Length, littleEndian));
        stub.AddRange(U32((uint)towers.Length, littleEndian));
        stub.AddRange(U32(0, littleEndian));
        stub.AddRange(U32((uint)towers.Length, littleEndian));
        for (var i = 0; i < towers.Length; i++)
        {
            stub.AddRange(U32((uint)(i + 1), littleEndian));
        }

        foreach (var tower in towers)
        {
            stub.AddRange(U32((uint)tower.Length, littleEndian));
            stub.AddRange(U32((uint)tower.Length, littleEndian));
            stub.AddRange(tower);
            while (stub.Count % 4 != 0)
            {
                stub.Add(0);
            }
        }

        stub.AddRange(U32(0, littleEndian));
        return [.. stub];
    }

    /// <summary>ept_lookup's response stub (C706 Appendix O ept_lookup): handle, num_ents, the conformant-varying
    /// array of ept_entry_t (object uuid, tower pointer, annotation as a varying string), then each tower (max_count,
    /// length, octets, padding), status.</summary>
    public static byte[] LookupResponseStub(bool littleEndian, params (string Annotation, byte[] Tower)[] entries)
    {
        var stub = new List<byte>(new byte[20]);
        stub.AddRange(U32((uint)entries.Length, littleEndian));
        stub.AddRange(U32((uint)entries.Length, littleEndian));
        stub.AddRange(U32(0, littleEndian));
        stub.AddRange(U32((uint)entries.Length, littleEndian));
        for (var i = 0; i < entries.Length; i++)
        {
            while (stub.Count % 4 != 0)
            {
                stub.Add(0);
            }

            stub.AddRange(new byte[16]);
            stub.AddRange(U32((uint)(i + 1), littleEndian));
            var annotation = System.Text.Encoding.ASCII.GetBytes(entries[i].Annotation + "\0");
            stub.AddRange(U32(0, littleEndian));
            stub.AddRange(U32((uint)annotation.Length, littleEndian));
            stub.AddRange(annotation);
        }

        foreach (var (_, tower) in entries)
        {
            while (stub.Count % 4 != 0)
            {
                stub.Add(0);
            }

            stub.AddRange(U32((uint)tower.Length, littleEndian));
            stub.AddRange(U32((uint)tower.Length, littleEndian));
            stub.AddRange(tower);
        }

        while (stub.Count % 4 != 0)
        {
            stub.Add(0);
        }

        stub.AddRange(U32(0, littleEndian));
        return [.. stub];
    }

    /// <summary>ept_map's request stub asking for <paramref name="uuid"/> on a transport (port and address 0).</summary>
    public static byte[] MapRequestStub(Guid uuid, byte transport, bool littleEndian)
    {
        var tower = Tower(uuid, transport, 0, 0);
        var stub = new List<byte>();
        stub.AddRange(U32(0, littleEndian));
        stub.AddRange(U32(0x28e5, littleEndian));
        stub.AddRange(U32((uint)tower.Length, littleEndian));
        stub.AddRange(U32((uint)tower.Length, littleEndian));
        stub.AddRange(tower);
        while (stub.Count % 4 != 0)
        {
            stub.Add(0);
        }

        stub.AddRange(new byte[20]);
        stub.AddRange(U32(4, littleEndian));
        return [.. stub];
    }

    /// <summary>A connectionless (UDP) PDU: the 80-byte header (C706 §12.5.2.1) on the endpoint mapper, then the body.</summary>
    public static byte[] Datagram(byte type, Guid activity, uint sequence, ushort opnum, byte[] body)
    {
        var header = new byte[80];
        header[0] = 4;
        header[1] = type;
        header[2] = 0x20;
        header[4] = 0x10;
        Epm.TryWriteBytes(header.AsSpan(24));
        activity.TryWriteBytes(header.AsSpan(40));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(60), 3);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(64), sequence);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(68), opnum);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(70), 0xFFFF);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(72), 0xFFFF);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(74), (ushort)body.Length);
        return [.. header, .. body];
    }

    public static byte[] Pdu(byte type, byte flags, uint callId, bool littleEndian, byte[] body, int authLength = 0)
    {
        var pdu = new byte[16 + body.Length];
        pdu[0] = 5;
        pdu[2] = type;
        pdu[3] = flags;
        pdu[4] = littleEndian ? (byte)0x10 : (byte)0x00;
        U16((ushort)pdu.Length, littleEndian).CopyTo(pdu, 8);
        U16((ushort)authLength, littleEndian).CopyTo(pdu, 10);
        U32(callId, littleEndian).CopyTo(pdu, 12);
        body.CopyTo(pdu, 16);
        return pdu;
    }

    /// <summary>A STRINGBINDING ([MS-DCOM] 2.2.19.3): wTowerId 0x0007 (ncacn_ip_tcp), then UTF-16LE text and a NUL.</summary>
    public static byte[] Utf16Binding(string text) => [0x07, 0x00, .. System.Text.Encoding.Unicode.GetBytes(text + "\0")];

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    public static byte[] Uuid(Guid uuid, bool littleEndian)
    {
        var bytes = new byte[16];
        uuid.TryWriteBytes(bytes, bigEndian: !littleEndian, out _);
        return bytes;
    }

    public static byte[] U16(ushort value, bool littleEndian)
    {
        var bytes = new byte[2];
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        }

        return bytes;
    }

    public static byte[] U32(uint value, bool littleEndian)
    {
        var bytes = new byte[4];
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        }

        return bytes;
    }

    private static Dictionary<string, byte[]> Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alg.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? ".", "tests", "data", "msrpc", "epm-stubs.txt");
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => Convert.FromHexString(parts[1]), StringComparer.Ordinal);
    }
}
