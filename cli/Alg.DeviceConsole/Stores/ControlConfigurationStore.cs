using System.Text.Json;
using Alg.Host.Control;

namespace Alg.DeviceConsole.Stores;

/// <summary>A running <c>alg run</c>, through its control socket: every commit is compiled and loaded by the gateway.</summary>
internal sealed class ControlConfigurationStore(string socketPath) : IConfigurationStore
{
    public bool IsLive => true;

    public StoredConfiguration Read()
    {
        var text = Ask(ControlProtocol.RunningConfig, null);
        var headerEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            throw new IOException($"{socketPath}: the gateway's running-config answer has no header");
        }

        var fields = text[..headerEnd].Split('\n').Select(l => l.Split(' ', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var dialect = fields.GetValueOrDefault("dialect");
        return new StoredConfiguration(text[(headerEnd + 2)..], fields.GetValueOrDefault("version") ?? string.Empty, fields.GetValueOrDefault("path") ?? socketPath, dialect == "auto" ? null : dialect);
    }

    public string CurrentVersion() => Ask(ControlProtocol.Version, null).Trim();

    public StoreOutcome Commit(string basedOn, string text)
    {
        var (ok, answer) = ControlClient.Send(socketPath, $"{ControlProtocol.Commit} {basedOn}", text);
        string? version = null;
        if (answer.StartsWith("version ", StringComparison.Ordinal))
        {
            var end = answer.IndexOf('\n', StringComparison.Ordinal);
            version = (end < 0 ? answer[8..] : answer[8..end]).Trim();
            answer = end < 0 ? string.Empty : answer[(end + 1)..];
        }

        return new StoreOutcome(ok, answer.TrimEnd(), version);
    }

    public StoreOutcome Write()
    {
        var (ok, answer) = ControlClient.Send(socketPath, ControlProtocol.Write);
        return new StoreOutcome(ok, answer.TrimEnd(), null);
    }

    public LiveState? Live(out string? unavailable)
    {
        var (ok, answer) = ControlClient.Send(socketPath, ControlProtocol.StateJson);
        if (!ok)
        {
            unavailable = answer.TrimEnd();
            return null;
        }

        unavailable = null;
        return JsonSerializer.Deserialize(answer, LiveStateJsonContext.Default.LiveState);
    }

    private string Ask(string command, string? body)
    {
        var (ok, answer) = ControlClient.Send(socketPath, command, body);
        return ok ? answer : throw new IOException($"{socketPath}: {answer.TrimEnd()}");
    }
}
