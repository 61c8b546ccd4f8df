using System.Collections.Immutable;
using Alg.Host.Linux;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.E2E.Tests.Host;

public sealed class KernelStateTests
{
    [Fact]
    public void RulesetReplacesAStaleTableAndDropsIpv4BeforeTheStackExceptToTheInsideAddress()
    {
        var ruleset = KernelState.RulesetFor(
        [
            Interface("gl0", InterfaceRole.Inside, new Ipv4Address(0xC0A80101), 24),
            Interface("gw0", InterfaceRole.Outside, new Ipv4Address(0xCB007101), 24),
        ],
        ownerProcess: 4242);

        Assert.StartsWith("table netdev alg_run\ndelete table netdev alg_run\ntable netdev alg_run {\n  comment \"alg run pid 4242\"\n", ruleset, StringComparison.Ordinal);
        Assert.Contains("type filter hook ingress device \"gl0\" priority -500; policy accept;\n    meta protocol ip ip daddr != 192.168.1.1 drop", ruleset, StringComparison.Ordinal);
        Assert.Contains("type filter hook ingress device \"gw0\" priority -500; policy accept;\n    meta protocol ip drop", ruleset, StringComparison.Ordinal);
        Assert.DoesNotContain("arp", ruleset, StringComparison.Ordinal);
    }

    internal static InterfacePolicy Interface(string name, InterfaceRole role, Ipv4Address address, int length) =>
        new(name, null, role, new Ipv4Prefix(address, length), null, false, null, null, null, SourceSpan.WholeLine("gw.cfg", 3, 10));
}
