using System.Buffers.Binary;
using System.Text;

namespace Alg.Runtime.Tests.SunRpc;

/// <summary>ONC RPC messages as rpcinfo and rpcbind send them (RFC 5531 §9, RFC 1833): XDR big-endian, AUTH_NONE
/// credentials, and the TCP record mark (RFC 5531 §11).</summary>
internal static class Rpc
{
    public const uint Portmapper = 100000;
    public const uint Nfs = 100003;
    public const uint Mount = 100005;
    public const uint Status = 100024;

    public static byte[] Call(uint xid, uint program, uint version, uint procedure, byte[] arguments) =>
        Concat(U32(xid), U32(0), U32(2), U32(program), U32(version), U32(procedure), U32(0), U32(0), U32(0), U32(0), arguments);

    /// <summary>MSG_ACCEPTED, AUTH_NONE verifier, SUCCESS, then the results.</summary>
    public static byte[] Reply(uint xid, byte[] results) => Concat(U32(xid), U32(1), U32(0), U32(0), U32(0), U32(0), results);

    public static byte[] GetPort(uint xid, uint program, uint version, uint protocol) =>
        Call(xid, Portmapper, 2, 3, Concat(U32(program), U32(version), U32(protocol), U32(0)));

    public static byte[] GetPortReply(uint xid, uint port) => Reply(xid, U32(port));

    /// <summary>rpcbind v3/v4 GETADDR (proc 3), GETVERSADDR (v4 proc 9), GETADDRLIST (v4 proc 11): rpcb args.</summary>
    public static byte[] GetAddr(uint xid, uint program, uint version, string netId, uint rpcbVersion = 3, uint procedure = 3) =>
        Call(xid, Portmapper, rpcbVersion, procedure, Concat(U32(program), U32(version), Str(netId), Str(string.Empty), Str("superuser")));

    public static byte[] GetAddrReply(uint xid, string universalAddress) => Reply(xid, Str(universalAddress));

    /// <summary>rpcb_entry_list: {r_maddr, r_nc_netid, r_nc_semantics, r_nc_protofmly, r_nc_proto}, each behind TRUE.</summary>
    public static byte[] GetAddrListReply(uint xid, params (string Address, string NetId)[] entries) =>
        Reply(xid, Concat([.. entries.Select(e => Concat(U32(1), Str(e.Address), Str(e.NetId), U32(e.NetId.StartsWith("tcp", StringComparison.Ordinal) ? 3u : 1u), Str("inet"), Str(e.NetId[..3]))), U32(0)]));

    public static byte[] Dump(uint xid) => Call(xid, Portmapper, 2, 4, []);

    /// <summary>pmaplist: {prog, vers, prot, port} each behind TRUE.</summary>
    public static byte[] DumpReply(uint xid, params (uint Program, uint Version, uint Protocol, uint Port)[] entries) =>
        Reply(xid, Concat([.. entries.Select(e => Concat(U32(1), U32(e.Program), U32(e.Version), U32(e.Protocol), U32(e.Port))), U32(0)]));

    /// <summary>v2 CALLIT (proc 5) of a program's NULL procedure.</summary>
    public static byte[] CallIt(uint xid, uint program, uint version) =>
        Call(xid, Portmapper, 2, 5, Concat(U32(program), U32(version), U32(0), U32(0)));

    public static byte[] CallItReply(uint xid, uint port) => Reply(xid, Concat(U32(port), U32(0)));

    /// <summary>One record in one last fragment (RFC 5531 §11).</summary>
    public static byte[] Record(byte[] message) => Concat(U32(0x8000_0000u | (uint)message.Length), message);

    /// <summary>One record cut into fragments at the given lengths (the rest in the last one).</summary>
    public static byte[] Fragments(byte[] message, params int[] lengths)
    {
        var parts = new List<byte[]>();
        var position = 0;
        foreach (var length in lengths)
        {
            parts.Add(Concat(U32((uint)length), message[position..(position + length)]));
            position += length;
        }

        parts.Add(Concat(U32(0x8000_0000u | (uint)(message.Length - position)), message[position..]));
        return Concat([.. parts]);
    }

    public static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    /// <summary>An XDR string: length, bytes, zero padding to four (RFC 4506 §4.11).</summary>
    public static byte[] Str(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var padded = new byte[4 + ((bytes.Length + 3) & ~3)];
        BinaryPrimitives.WriteUInt32BigEndian(padded, (uint)bytes.Length);
        bytes.CopyTo(padded, 4);
        return padded;
    }

    /// <summary>The universal address string a reply's results start with (after its 4-byte length).</summary>
    public static string ReadString(ReadOnlySpan<byte> data, int offset)
    {
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
        return Encoding.ASCII.GetString(data.Slice(offset + 4, length));
    }

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
