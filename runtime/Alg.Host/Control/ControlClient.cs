using System.Net.Sockets;
using System.Text;

namespace Alg.Host.Control;

/// <summary>The client side of the control socket, for <c>alg reload</c>, <c>alg status</c> and <c>alg console</c>.</summary>
public static class ControlClient
{
    /// <summary>Sends one command; the answer's first line says ok or error. Throws <see cref="IOException"/> when no gateway answers.</summary>
    public static (bool Ok, string Text) Send(string path, string command) => Send(path, command, body: null);

    /// <summary>Sends one command and the text that goes with it (a <c>commit</c>'s configuration).</summary>
    public static (bool Ok, string Text) Send(string path, string command, string? body)
    {
        using var socket = TryConnect(path) ?? throw new IOException($"{path}: no alg run answers there (is it running? pass --control if it uses another socket)");
        using var stream = new NetworkStream(socket);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            writer.WriteLine(command);
            if (body is not null)
            {
                writer.Write(body);
            }

            socket.Shutdown(SocketShutdown.Send);
        }
        catch (IOException)
        {
            // The server stopped reading (a refused request): its answer says why.
        }

        var verdict = reader.ReadLine();
        var text = reader.ReadToEnd();
        return (verdict == ControlProtocol.Ok, text);
    }

    internal static Socket? TryConnect(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}
