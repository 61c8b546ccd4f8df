using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Alg.Host.Control;

/// <summary>Renders a <see cref="GatewayStatus"/> as the text or JSON <c>alg status</c> prints.</summary>
public static class StatusFormatter
{
    public static string Text(GatewayStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"engine:       {status.Tier}\n");
        text.Append(CultureInfo.InvariantCulture, $"config:       {status.ConfigPath} (fingerprint {status.Fingerprint})\n");
        text.Append(CultureInfo.InvariantCulture, $"running since {status.Started:u}, {status.Reloads} reloads, {status.ReloadFailures} refused\n");
        text.Append(CultureInfo.InvariantCulture, $"flows:        {status.Flows} live, {status.FlowsCreated} created, {status.FlowsExpired} expired\n");
        text.Append(CultureInfo.InvariantCulture, $"pinholes:     {status.Pinholes} open, {status.PinholesOpened} opened, {status.PinholesUsed} used, {status.PinholesExpired} expired\n");
        foreach (var pinhole in status.OpenPinholes ?? [])
        {
            var left = pinhole.ExpiresInSeconds < 0 ? "no expiry" : string.Create(CultureInfo.InvariantCulture, $"{pinhole.ExpiresInSeconds} s left");
            text.Append(CultureInfo.InvariantCulture, $"  {pinhole.Alg,-10} {pinhole.Protocol} {pinhole.Expects} from {pinhole.Arrives} -> {pinhole.Delivers}, peer {pinhole.Peer}, {left}");
            text.Append(pinhole.Reason is null ? "\n" : $" ({pinhole.Reason})\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"translated:   {status.PacketsTranslated} packets\n");
        text.Append(CultureInfo.InvariantCulture, $"worker heap:  {status.WorkerAllocatedBytes} bytes allocated since start\n");
        text.Append("interfaces:\n");
        foreach (var nic in status.Interfaces)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {nic.Name,-10} {nic.Side,-8} {nic.Address,-18} in {nic.PacketsIn} pkts/{nic.BytesIn} B, out {nic.PacketsOut} pkts/{nic.BytesOut} B, send failures {nic.SendFailures}, receive queue overruns {nic.KernelDrops}, neighbours {nic.Neighbours}\n");
        }

        text.Append("algs:\n");
        foreach (var alg in status.Algs)
        {
            text.Append(alg.Implemented
                ? string.Create(CultureInfo.InvariantCulture, $"  {alg.Name,-10} inspected {alg.Inspected}, rewrites {alg.RewritesApplied} (refused {alg.RewritesRefused}), pinholes {alg.PinholesOpened} (refused {alg.PinholesRefused}), malformed {alg.Malformed}, parts refused {alg.PartsRefused}, failures {alg.Failures}{(alg.TunnelsOpened == 0 ? string.Empty : $", tunnels {alg.TunnelsOpened}")}{(alg.PolicyDrops == 0 ? string.Empty : $", dropped {alg.PolicyDrops}")}{(alg.LastPartRefused is null ? string.Empty : " (last refused: " + alg.LastPartRefused + ")")}\n")
                : $"  {alg.Name,-10} enabled, not implemented: its flows pass uninspected\n");
            foreach (var (reason, count) in alg.PolicyDropsBy ?? new Dictionary<string, long>())
            {
                text.Append(CultureInfo.InvariantCulture, $"    dropped {count}: {reason}\n");
            }
        }

        text.Append("drops:\n");
        foreach (var (reason, count) in status.Drops)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {reason,-32} {count}\n");
        }

        return text.ToString();
    }

    public static string Json(GatewayStatus status) =>
        JsonSerializer.Serialize(status, StatusJsonContext.Default.GatewayStatus) + "\n";
}
