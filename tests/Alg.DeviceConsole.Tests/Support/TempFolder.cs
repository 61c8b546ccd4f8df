namespace Alg.DeviceConsole.Tests.Support;

/// <summary>A folder of its own per test, removed afterwards; configurations are copied in so a test may rewrite them.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alg-console-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Copies one of this project's configurations in and returns its path.</summary>
    public string Copy(string config, string? name = null)
    {
        var target = System.IO.Path.Combine(Path, name ?? config);
        File.Copy(System.IO.Path.Combine(TestPaths.Configs, config), target);
        return target;
    }

    public string Write(string name, string text)
    {
        var target = System.IO.Path.Combine(Path, name);
        File.WriteAllText(target, text);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
