namespace Alg.Host.Control;

/// <summary>What the control socket asks of a gateway: <see cref="GatewayService"/> on real interfaces, or one in process.</summary>
public interface IControlledGateway
{
    /// <summary>Loads the configuration file again (SIGHUP, <c>alg reload</c>).</summary>
    ReloadOutcome Reload();

    GatewayStatus Status();

    RunningConfiguration Running();

    /// <summary>Loads <paramref name="text"/> in place of the running configuration when that is still <paramref name="basedOn"/>.</summary>
    ReloadOutcome Commit(string basedOn, string text);

    /// <summary>Writes the running configuration to the configuration file.</summary>
    ReloadOutcome WriteConfigurationFile();

    LiveState Live();
}
