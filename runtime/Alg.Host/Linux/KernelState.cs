using System.Globalization;
using System.Text;
using Alg.Policy.Model;
using Microsoft.Extensions.Logging;

namespace Alg.Host.Linux;

/// <summary>
/// What the kernel of the gateway's namespace must do and not do while <c>alg run</c> forwards: no IPv4
/// forwarding of its own, no IPv4 input on the bound interfaces (so it neither answers translated traffic
/// with RSTs or ICMP unreachables nor routes around us), ARP as usual, the configured addresses present.
/// Everything is undone by <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// IPv4 is dropped by an nft table in the netdev family (hook ingress, one chain per device): AF_PACKET taps
/// see a frame before that hook, so the gateway still receives everything while the IP stack sees nothing.
/// On an inside interface, packets to that interface's own address pass (ping the gateway, its SSH); the
/// worker leaves them to the kernel. A table left by a crashed run is replaced on start.
/// </remarks>
internal sealed class KernelState : IDisposable
{
    public const string TableName = "alg_run";
    private const string OwnerComment = "alg run pid ";
    private const string ForwardingSysctl = "/proc/sys/net/ipv4/ip_forward";
    private readonly ILogger _log;
    private readonly List<(string Interface, string Prefix)> _addedAddresses = [];
    private string? _previousForwarding;
    private bool _tableInstalled;

    private KernelState(ILogger log) => _log = log;

    public static KernelState Install(IReadOnlyList<InterfacePolicy> interfaces, ILogger log)
    {
        RefuseIfOwnedByAnotherRun();
        var state = new KernelState(log);
        try
        {
            state.DisableForwarding();
            state.EnsureAddresses(interfaces);
            state.InstallTable(interfaces);
            return state;
        }
        catch
        {
            state.Dispose();
            throw;
        }
    }

    /// <summary>The nft script for the bound interfaces; public for the documentation and tests.</summary>
    public static string RulesetFor(IReadOnlyList<InterfacePolicy> interfaces, int ownerProcess)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"table netdev {TableName}\ndelete table netdev {TableName}\n");
        text.Append(CultureInfo.InvariantCulture, $"table netdev {TableName} {{\n");
        text.Append(CultureInfo.InvariantCulture, $"  comment \"{OwnerComment}{ownerProcess}\"\n");
        for (var i = 0; i < interfaces.Count; i++)
        {
            // Chains are numbered: device names may hold characters nft identifiers cannot.
            var nic = interfaces[i];
            text.Append(CultureInfo.InvariantCulture, $"  chain ingress{i} {{\n");
            text.Append(CultureInfo.InvariantCulture, $"    type filter hook ingress device \"{nic.Name}\" priority -500; policy accept;\n");
            if (nic.Role == InterfaceRole.Inside && nic.Address is { } own)
            {
                text.Append(CultureInfo.InvariantCulture, $"    meta protocol ip ip daddr != {own.Address} drop\n");
            }
            else
            {
                text.Append("    meta protocol ip drop\n");
            }

            text.Append("  }\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    public void Dispose()
    {
        if (_tableInstalled)
        {
            Try("nft", ["delete", "table", "netdev", TableName]);
            _tableInstalled = false;
        }

        foreach (var (nic, prefix) in _addedAddresses)
        {
            Try("ip", ["-4", "addr", "del", prefix, "dev", nic]);
        }

        _addedAddresses.Clear();
        if (_previousForwarding is not null)
        {
            File.WriteAllText(ForwardingSysctl, _previousForwarding);
            _previousForwarding = null;
        }
    }

    /// <summary>
    /// A table whose owner (its comment names the pid) is a live <c>alg</c> process belongs to another run in this
    /// namespace: replacing it would take its kernel state away, so this run refuses to start.
    /// </summary>
    private static void RefuseIfOwnedByAnotherRun()
    {
        var (code, listing) = CommandRunner.Run("nft", ["list", "table", "netdev", TableName]);
        var at = listing.IndexOf(OwnerComment, StringComparison.Ordinal);
        if (code != 0 || at < 0)
        {
            return;
        }

        var digits = new string([.. listing[(at + OwnerComment.Length)..].TakeWhile(char.IsAsciiDigit)]);
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var owner) && owner != Environment.ProcessId
            && File.Exists($"/proc/{owner}/comm") && File.ReadAllText($"/proc/{owner}/comm").Trim() is "alg" or "dotnet")
        {
            throw new KernelStateException($"another alg run (pid {owner}) owns the nft table netdev {TableName} in this namespace; one gateway per namespace");
        }
    }

    private void DisableForwarding()
    {
        var current = File.ReadAllText(ForwardingSysctl).Trim();
        if (current != "0")
        {
            File.WriteAllText(ForwardingSysctl, "0");
            _previousForwarding = current;
            _log.LogInformation("net.ipv4.ip_forward was {Previous}; set to 0 while running", current);
        }
    }

    private void EnsureAddresses(IReadOnlyList<InterfacePolicy> interfaces)
    {
        foreach (var nic in interfaces)
        {
            if (nic.Address is not { } prefix)
            {
                continue;
            }

            var (_, shown) = CommandRunner.Run("ip", ["-4", "-o", "addr", "show", "dev", nic.Name]);
            var wanted = prefix.ToString();
            if (shown.Contains($" {wanted} ", StringComparison.Ordinal))
            {
                continue;
            }

            var (code, output) = CommandRunner.Run("ip", ["-4", "addr", "add", wanted, "dev", nic.Name]);
            if (code != 0)
            {
                throw new KernelStateException($"could not add {wanted} to {nic.Name}: {output}");
            }

            _addedAddresses.Add((nic.Name, wanted));
            _log.LogInformation("added {Prefix} to {Interface} as the configuration says", wanted, nic.Name);
        }
    }

    private void InstallTable(IReadOnlyList<InterfacePolicy> interfaces)
    {
        var (code, output) = CommandRunner.Run("nft", ["-f", "-"], RulesetFor(interfaces, Environment.ProcessId));
        if (code != 0)
        {
            throw new KernelStateException($"nft refused the {TableName} table: {output}");
        }

        _tableInstalled = true;
        _log.LogInformation("nft table netdev {Table}: IPv4 on {Interfaces} goes to alg run only (ARP and the inside addresses stay with the kernel)", TableName, string.Join(", ", interfaces.Select(i => i.Name)));
    }

    private void Try(string tool, IReadOnlyList<string> arguments)
    {
        var (code, output) = CommandRunner.Run(tool, arguments);
        if (code != 0)
        {
            _log.LogWarning("{Tool} {Arguments} failed while restoring kernel state: {Output}", tool, string.Join(' ', arguments), output);
        }
    }
}
