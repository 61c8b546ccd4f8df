using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Alg.Host.Control;

/// <summary>
/// Serves <c>alg reload</c>, <c>alg status</c> and <c>alg console</c> on a Unix stream socket, one connection at a time
/// on its own thread. Only root, the gateway's own user and the <c>alg</c> group may connect (the socket file's mode,
/// and the kernel's word on who connected, <see cref="ControlAccess"/>); a request longer than
/// <see cref="ControlProtocol.MaxRequestBytes"/>, a command line longer than a command, text that is not UTF-8 or a
/// client that stops sending are refused, so no client can hold the socket or the gateway's memory.
/// </summary>
public sealed class ControlServer : IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Socket _listener;
    private readonly string _path;
    private readonly ControlAccess _access;
    private readonly long _maxRequestBytes;
    private readonly TimeSpan _receiveTimeout;
    private IControlledGateway? _service;
    private readonly ILogger _log;
    private readonly Thread _thread;
    private volatile bool _stopping;

    private ControlServer(string path, Socket listener, ControlAccess access, long maxRequestBytes, TimeSpan receiveTimeout, ILogger log)
    {
        _path = path;
        _listener = listener;
        _access = access;
        _maxRequestBytes = maxRequestBytes;
        _receiveTimeout = receiveTimeout;
        _log = log;
        _thread = new Thread(Serve) { IsBackground = true, Name = "alg control" };
    }

    /// <summary>
    /// Claims <paramref name="path"/> before anything else is set up, so a second run refuses before it touches
    /// the first one's kernel state; a socket file left by a dead run is replaced. Commands wait in the
    /// backlog until <see cref="Serve(IControlledGateway)"/>.
    /// </summary>
    /// <param name="access">Who may connect (default: <see cref="ControlAccess.ForThisMachine"/>).</param>
    /// <param name="maxRequestBytes">For tests: a smaller cap than <see cref="ControlProtocol.MaxRequestBytes"/>.</param>
    /// <param name="receiveTimeout">How long a client may take to send its request (default 10 s).</param>
    public static ControlServer Listen(string path, ILoggerFactory logs, ControlAccess? access = null, long? maxRequestBytes = null, TimeSpan? receiveTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(logs);
        access ??= ControlAccess.ForThisMachine();
        if (File.Exists(path))
        {
            if (ControlClient.TryConnect(path) is { } live)
            {
                live.Dispose();
                throw new GatewayStartException($"{path}: another alg run is listening there; stop it or pass --control");
            }

            File.Delete(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            if (access.GroupId is { } group && ChangeGroup(path, group))
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
            }
            else
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            listener.Listen(8);
        }
        catch (SocketException bad)
        {
            listener.Dispose();
            throw new GatewayStartException($"{path}: cannot listen for control commands: {bad.Message}");
        }

        return new ControlServer(path, listener, access, maxRequestBytes ?? ControlProtocol.MaxRequestBytes, receiveTimeout ?? TimeSpan.FromSeconds(10), logs.CreateLogger("Alg.Control"));
    }

    /// <summary>Starts answering commands for <paramref name="service"/>.</summary>
    public void Serve(IControlledGateway service)
    {
        _service = service;
        _thread.Start();
    }

    public void Dispose()
    {
        _stopping = true;
        _listener.Dispose();
        if (_thread.IsAlive)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // Already gone: nothing to clean.
        }
    }

    private static bool ChangeGroup(string path, uint group)
    {
        try
        {
            return Linux.LinuxNative.ChangeGroup(path, group);
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    private void Serve()
    {
        while (!_stopping)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (Exception) when (_stopping)
            {
                return;
            }
            catch (SocketException bad)
            {
                _log.LogWarning("control socket accept failed: {Message}", bad.Message);
                continue;
            }

            using (client)
            {
                try
                {
                    client.ReceiveTimeout = (int)_receiveTimeout.TotalMilliseconds;
                    client.SendTimeout = (int)_receiveTimeout.TotalMilliseconds;
                    var (ok, text) = Answer(client);
                    using var stream = new NetworkStream(client);
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
                    writer.WriteLine(ok ? ControlProtocol.Ok : ControlProtocol.Error);
                    writer.Write(text.EndsWith('\n') ? text : text + "\n");
                    writer.Flush();
                    Drain(client);
                }
                catch (Exception lost) when (lost is IOException or SocketException)
                {
                    _log.LogWarning("control client went away: {Message}", lost.Message);
                }
            }
        }
    }

    // A refused client may still be sending: closing with its bytes unread would reset the connection and lose the
    // answer that says why. The rest is read and dropped, for a bounded time and size.
    private static void Drain(Socket client)
    {
        const int MaxDrainedBytes = 1024 * 1024;
        client.Shutdown(SocketShutdown.Send);
        client.ReceiveTimeout = 1000;
        var buffer = new byte[64 * 1024];
        long drained = 0;
        try
        {
            int count;
            while (drained < MaxDrainedBytes && (count = client.Receive(buffer)) > 0)
            {
                drained += count;
            }
        }
        catch (SocketException)
        {
            // Timed out or gone: the answer was sent.
        }
    }

    private (bool Ok, string Text) Answer(Socket client)
    {
        var peer = PeerCredentials.Of(client);
        if (!_access.Allows(peer, peer is null ? [] : ControlAccess.GroupsOf(peer.ProcessId)))
        {
            _log.LogWarning("control connection refused: uid {Uid} pid {Pid} is not root, the gateway's user or in group {Group}", peer?.UserId, peer?.ProcessId, ControlAccess.GroupName);
            return (false, $"refused: only root, the gateway's own user and members of group '{ControlAccess.GroupName}' may use this socket");
        }

        var request = ReadRequest(client, out var problem);
        if (request is null)
        {
            _log.LogWarning("control request refused: {Problem}", problem);
            return (false, "refused: " + problem);
        }

        return Execute(request.Value.Command, request.Value.Body);
    }

    /// <summary>The command line and the body after it, or null with the reason the request is refused.</summary>
    private (string Command, string Body)? ReadRequest(Socket client, out string problem)
    {
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        var lineEnd = -1;
        try
        {
            while (true)
            {
                var count = client.Receive(buffer);
                if (count == 0)
                {
                    break;
                }

                if (received.Length + count > _maxRequestBytes)
                {
                    problem = $"the request is larger than {_maxRequestBytes.ToString(CultureInfo.InvariantCulture)} bytes";
                    return null;
                }

                received.Write(buffer, 0, count);
                if (lineEnd < 0)
                {
                    lineEnd = Array.IndexOf(received.GetBuffer(), (byte)'\n', 0, (int)received.Length);
                    if ((lineEnd < 0 ? received.Length : lineEnd) > ControlProtocol.MaxCommandLineBytes)
                    {
                        problem = $"the command line is longer than {ControlProtocol.MaxCommandLineBytes.ToString(CultureInfo.InvariantCulture)} bytes";
                        return null;
                    }

                    // Commands other than commit carry nothing after their line; older clients may keep their half open.
                    if (lineEnd >= 0 && !IsCommit(received.GetBuffer().AsSpan(0, lineEnd)))
                    {
                        break;
                    }
                }
            }
        }
        catch (SocketException timeout) when (timeout.SocketErrorCode == SocketError.TimedOut || timeout.SocketErrorCode == SocketError.WouldBlock)
        {
            problem = $"the request did not arrive within {_receiveTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
            return null;
        }

        var bytes = received.GetBuffer().AsSpan(0, (int)received.Length);
        var end = lineEnd < 0 ? bytes.Length : lineEnd;
        if (end > ControlProtocol.MaxCommandLineBytes)
        {
            problem = $"the command line is longer than {ControlProtocol.MaxCommandLineBytes.ToString(CultureInfo.InvariantCulture)} bytes";
            return null;
        }

        try
        {
            var command = StrictUtf8.GetString(bytes[..end]).Trim();
            var body = lineEnd < 0 ? string.Empty : StrictUtf8.GetString(bytes[(lineEnd + 1)..]);
            if (command.Contains('\0', StringComparison.Ordinal) || body.Contains('\0', StringComparison.Ordinal))
            {
                problem = "the request holds a NUL character";
                return null;
            }

            problem = string.Empty;
            return (command, body);
        }
        catch (DecoderFallbackException)
        {
            problem = "the request is not UTF-8 text";
            return null;
        }
    }

    private static bool IsCommit(ReadOnlySpan<byte> line) =>
        line.StartsWith("commit"u8) && (line.Length == 6 || line[6] == (byte)' ');

    private (bool Ok, string Text) Execute(string command, string body)
    {
        var service = _service!;
        try
        {
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 2 && words[0] == ControlProtocol.Commit)
            {
                if (!ConfigurationVersion.IsWellFormed(words[1]))
                {
                    return (false, $"malformed commit: '{words[1]}' is not a configuration version (16 hexadecimal digits, as 'running-config' gives)");
                }

                var outcome = service.Commit(words[1], body);
                return (outcome.Applied, $"version {outcome.Version}\n{outcome.Message}");
            }

            switch (command)
            {
                case ControlProtocol.Reload:
                    var reload = service.Reload();
                    return (reload.Applied, reload.Message);
                case ControlProtocol.Status:
                    return (true, StatusFormatter.Text(service.Status()));
                case ControlProtocol.StatusJson:
                    return (true, StatusFormatter.Json(service.Status()));
                case ControlProtocol.Version:
                    return (true, service.Running().Version);
                case ControlProtocol.RunningConfig:
                    var running = service.Running();
                    return (true, $"version {running.Version}\npath {Path.GetFullPath(running.Path)}\ndialect {running.Dialect ?? "auto"}\n\n{running.Text}");
                case ControlProtocol.Write:
                    var written = service.WriteConfigurationFile();
                    return (written.Applied, written.Message);
                case ControlProtocol.StateJson:
                    return (true, JsonSerializer.Serialize(service.Live(), LiveStateJsonContext.Default.LiveState));
                default:
                    return (false, $"unknown command '{Shorten(command)}' (known: {string.Join(", ", ControlProtocol.Known)})");
            }
        }
        catch (TimeoutException slow)
        {
            return (false, slow.Message);
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
