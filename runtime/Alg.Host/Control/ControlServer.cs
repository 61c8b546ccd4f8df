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
    private GatewayService? _service;
    private readonly ILogger _log;
    private readonly Thread _thread;
    private volatile bool _stopping;

    private ControlServer(string path, Socket listener, ILogger log)
    {
        _path = path;
        _listener = listener;
        _log = log;
        _thread = new Thread(Serve) { IsBackground = true, Name = "alg control" };
    }

    /// <summary>
    /// Claims <paramref name="path"/> before anything else is set up, so a second run refuses before it touches
    /// the first one's kernel state; a socket file left by a dead run is replaced. Commands wait in the
    /// backlog until <see cref="Serve(GatewayService)"/>.
    /// </summary>
    public static ControlServer Listen(string path, ILoggerFactory logs)
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

        return new ControlServer(path, listener, logs.CreateLogger("Alg.Control"));
    }

    /// <summary>Starts answering commands for <paramref name="service"/>.</summary>
    public void Serve(GatewayService service)
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
        var service = _service!;
        try
        {
            switch (command)
            {
                case ControlProtocol.Reload:
                    var outcome = service.Reload();
                    return (outcome.Applied, outcome.Message);
                case ControlProtocol.Status:
                    return (true, StatusFormatter.Text(service.Status()));
                case ControlProtocol.StatusJson:
                    return (true, StatusFormatter.Json(service.Status()));
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
