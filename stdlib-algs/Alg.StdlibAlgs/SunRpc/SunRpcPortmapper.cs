using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.SunRpc;

/// <summary>
/// The portmapper (program 100000) calls whose replies hand out ports (RFC 1833): which procedure of which version
/// asks what, and the netids of rpcbind's universal addresses. Reads the call's arguments into a
/// <see cref="SunRpcPendingCall"/>; the reply is read by <see cref="SunRpcRewriter"/>.
/// </summary>
public static class SunRpcPortmapper
{
    public const uint Program = 100_000;

    /// <summary>The longest netid read (RFC 5665 §3: "tcp", "udp6", …; registry names are short).</summary>
    public const int MaxNetIdLength = 32;

    /// <summary>rpcb's owner string bound (RFC 1833 §2.1: a user name).</summary>
    public const int MaxOwnerLength = 255;

    /// <summary>Reads a portmapper call's arguments. False for procedures whose replies hand out no port (NULL, SET,
    /// UNSET, GETTIME, …), which the ALG lets pass.</summary>
    /// <param name="transport">The call's own transport: CALLIT's reply names a port on it.</param>
    public static bool TryReadQuery(ReadOnlySpan<byte> message, in SunRpcMessage call, byte transport, long expiresAt, out SunRpcPendingCall query, out SunRpcParseError error)
    {
        query = default;
        error = SunRpcParseError.None;
        var reader = new XdrReader(message, call.BodyOffset);
        var kind = Kind(call.Version, call.Procedure);
        if (kind == SunRpcQueryKind.None)
        {
            return false;
        }

        uint program = 0;
        uint version = 0;
        byte protocol = transport;
        long netId = 0;
        switch (kind)
        {
            case SunRpcQueryKind.Port:
                // mapping { prog, vers, prot, port } (RFC 1833 §3.1).
                if (!reader.TryReadUInt32(out program) || !reader.TryReadUInt32(out version) || !reader.TryReadUInt32(out var prot) || !reader.TryReadUInt32(out _))
                {
                    error = SunRpcParseError.TruncatedBody;
                    return false;
                }

                protocol = prot is IpProtocol.Tcp or IpProtocol.Udp ? (byte)prot : (byte)0;
                break;
            case SunRpcQueryKind.CallItPort or SunRpcQueryKind.CallItAddress:
                // call_args / rpcb_rmtcallargs { prog, vers, proc, args } (RFC 1833 §2.2, §3.1): the reply's port is on
                // the transport the call came over.
                if (!reader.TryReadUInt32(out program) || !reader.TryReadUInt32(out version))
                {
                    error = SunRpcParseError.TruncatedBody;
                    return false;
                }

                break;
            case SunRpcQueryKind.UniversalAddress or SunRpcQueryKind.AddressList:
                // rpcb { r_prog, r_vers, r_netid, r_addr, r_owner } (RFC 1833 §2.1).
                if (!reader.TryReadUInt32(out program) || !reader.TryReadUInt32(out version))
                {
                    error = SunRpcParseError.TruncatedBody;
                    return false;
                }

                if (!reader.TryReadOpaque(MaxNetIdLength, out _, out var netIdStart, out var netIdLength))
                {
                    error = SunRpcParseError.BadString;
                    return false;
                }

                var netIdText = message.Slice(netIdStart, netIdLength);
                protocol = ProtocolOf(netIdText);
                netId = netIdLength == 0 ? 0 : AsciiText.Hash(netIdText);
                break;
            default:
                break;
        }

        query = new SunRpcPendingCall(call.Xid, kind, program, version, protocol, netId, expiresAt);
        return true;
    }

    /// <summary>The transport of an IPv4 netid (RFC 5665 §3); 0 for any other (IPv6 ones included: the runtime
    /// translates IPv4 only).</summary>
    public static byte ProtocolOf(ReadOnlySpan<byte> netId) =>
        netId.SequenceEqual("tcp"u8) ? IpProtocol.Tcp : netId.SequenceEqual("udp"u8) ? IpProtocol.Udp : (byte)0;

    private static SunRpcQueryKind Kind(uint version, uint procedure) => (version, procedure) switch
    {
        (2, 3) => SunRpcQueryKind.Port,
        (2, 4) => SunRpcQueryKind.DumpPorts,
        (2, 5) => SunRpcQueryKind.CallItPort,
        (3 or 4, 3) => SunRpcQueryKind.UniversalAddress,
        (3 or 4, 4) => SunRpcQueryKind.DumpAddresses,
        (3 or 4, 5) => SunRpcQueryKind.CallItAddress,
        (4, 9) => SunRpcQueryKind.UniversalAddress,
        (4, 10) => SunRpcQueryKind.CallItAddress,
        (4, 11) => SunRpcQueryKind.AddressList,
        _ => SunRpcQueryKind.None,
    };
}
