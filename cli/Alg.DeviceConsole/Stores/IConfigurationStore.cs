using Alg.Host.Control;

namespace Alg.DeviceConsole.Stores;

/// <summary>Where the console's configuration lives: a running gateway (through its control socket) or a file alone.</summary>
internal interface IConfigurationStore
{
    /// <summary>A running gateway answers: show commands read live state.</summary>
    bool IsLive { get; }

    StoredConfiguration Read();

    /// <summary>The version in force now, to notice another console's change cheaply.</summary>
    string CurrentVersion();

    /// <summary>Replaces the configuration when it is still <paramref name="basedOn"/>; a gateway compiles and loads it at once.</summary>
    StoreOutcome Commit(string basedOn, string text);

    /// <summary><c>write memory</c>: the running configuration to the file, atomically, the old one kept as FILE.bak.</summary>
    StoreOutcome Write();

    /// <summary>The gateway's tables, or null with the reason (a file alone has none).</summary>
    LiveState? Live(out string? unavailable);
}
