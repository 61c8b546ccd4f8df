using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Alg.Host.Control;

/// <summary>
/// Serves <c>alg reload</c> and <c>alg status</c> on a Unix stream socket (mode 0600: only the user that runs
/// the gateway may reload it), one connection at a time on its own thread.
/// </summary>
public sealed class ControlServer : IDisposable
{
    private readonly Socket _listener;
    private readonly string _path;
    private readonly GatewayService _service;
    private readonly ILogger _log;
    private readonly Thread _thread;
    private volatile bool _stopping;

    private ControlServer(string path, Socket listener, GatewayService service, ILogger log)
    {
        _path = path;
        _listener = listener;
        _service = service;
        _log = log;
        _thread = new Thread(Serve) { IsBackground = true, Name = "alg control" };
        _thread.Start();
    }

    /// <summary>Listens on <paramref name="path"/>; a socket file left by a dead run is replaced, a live one refuses.</summary>
    public static ControlServer Start(string path, GatewayService service, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
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
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            listener.Listen(8);
        }
        catch (SocketException bad)
        {
            listener.Dispose();
            throw new GatewayStartException($"{path}: cannot listen for control commands: {bad.Message}");
        }

        return new ControlServer(path, listener, service, logs.CreateLogger("Alg.Control"));
    }

    public void Dispose()
    {
        _stopping = true;
        _listener.Dispose();
        _thread.Join(TimeSpan.FromSeconds(5));
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // Already gone: nothing to clean.
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
                    using var stream = new NetworkStream(client);
                    using var reader = new StreamReader(stream, Encoding.UTF8);
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
                    var command = (reader.ReadLine() ?? string.Empty).Trim();
                    var (ok, text) = Execute(command);
                    writer.WriteLine(ok ? ControlProtocol.Ok : ControlProtocol.Error);
                    writer.Write(text.EndsWith('\n') ? text : text + "\n");
                }
                catch (IOException lost)
                {
                    _log.LogWarning("control client went away: {Message}", lost.Message);
                }
            }
        }
    }

    private (bool Ok, string Text) Execute(string command)
    {
        try
        {
            switch (command)
            {
                case ControlProtocol.Reload:
                    var outcome = _service.Reload();
                    return (outcome.Applied, outcome.Message);
                case ControlProtocol.Status:
                    return (true, StatusFormatter.Text(_service.Status()));
                case ControlProtocol.StatusJson:
                    return (true, StatusFormatter.Json(_service.Status()));
                default:
                    return (false, $"unknown command '{command}' (known: {ControlProtocol.Reload}, {ControlProtocol.Status}, {ControlProtocol.StatusJson})");
            }
        }
        catch (TimeoutException slow)
        {
            return (false, slow.Message);
        }
    }
}
