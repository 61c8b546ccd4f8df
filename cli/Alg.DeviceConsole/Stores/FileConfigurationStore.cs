using Alg.Grammar;
using Alg.Host.Control;

namespace Alg.DeviceConsole.Stores;

/// <summary>
/// A configuration file with no gateway: changes stay in the console until <c>write memory</c> rewrites the file. A file
/// changed on the disk since it was read is not overwritten blindly: the write is refused, as a gateway refuses a
/// commit against a configuration that changed.
/// </summary>
internal sealed class FileConfigurationStore : IConfigurationStore
{
    private readonly string _path;
    private string _text;
    private string _version;
    private string _onDisk;

    public FileConfigurationStore(string path)
    {
        _path = path;
        _text = ReadFile(path);
        _version = ConfigurationVersion.Of(_text);
        _onDisk = _version;
    }

    public bool IsLive => false;

    public StoredConfiguration Read() => new(_text, _version, _path, null);

    public string CurrentVersion() => _version;

    public StoreOutcome Commit(string basedOn, string text)
    {
        if (basedOn != _version)
        {
            return new StoreOutcome(false, $"the configuration changed since it was read (version {basedOn}, now {_version}); nothing was applied", _version);
        }

        _text = text;
        _version = ConfigurationVersion.Of(text);
        return new StoreOutcome(true, "applied to the candidate configuration (no gateway: write memory saves it)", _version);
    }

    public StoreOutcome Write()
    {
        try
        {
            if (File.Exists(_path) && ConfigurationVersion.Of(ReadFile(_path)) != _onDisk)
            {
                return new StoreOutcome(false, $"{_path} changed on the disk since the console read it; not overwritten (copy your changes, start the console again)", _version);
            }

            ConfigurationFileWriter.Write(_path, _text);
            _onDisk = _version;
            return new StoreOutcome(true, $"wrote {_path} (previous kept as {_path}{ConfigurationFileWriter.BackupSuffix})", _version);
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            return new StoreOutcome(false, $"cannot write {_path}: {failed.Message}", _version);
        }
    }

    public LiveState? Live(out string? unavailable)
    {
        unavailable = $"live state needs a running gateway: this console edits {_path} alone (attach to 'alg run' with --control)";
        return null;
    }

    private static string ReadFile(string path)
    {
        var size = new FileInfo(path).Length;
        if (size > ConfigurationParser.MaxFileBytes)
        {
            throw new IOException($"{path}: {size} bytes, more than a configuration may have ({ConfigurationParser.MaxFileBytes})");
        }

        var text = File.ReadAllText(path);
        return text.StartsWith('\uFEFF') ? text[1..] : text;
    }
}
