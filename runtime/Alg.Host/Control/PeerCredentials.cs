using System.Buffers.Binary;
using System.Net.Sockets;

namespace Alg.Host.Control;

/// <summary>Who is at the other end of a Unix socket, as the kernel says (SO_PEERCRED), not as the peer claims.</summary>
public sealed record PeerCredentials(int ProcessId, uint UserId, uint GroupId)
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>The credentials of the process that connected, or null when the kernel does not give them.</summary>
    public static PeerCredentials? Of(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        Span<byte> credentials = stackalloc byte[12];
        try
        {
            if (socket.GetRawSocketOption(SolSocket, SoPeerCred, credentials) < 12)
            {
                return null;
            }
        }
        catch (SocketException)
        {
            return null;
        }

        // struct ucred { pid_t pid; uid_t uid; gid_t gid; } in the machine's byte order.
        return new PeerCredentials(
            BinaryPrimitives.ReadInt32LittleEndian(credentials),
            BinaryPrimitives.ReadUInt32LittleEndian(credentials[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(credentials[8..]));
    }
}
