using System.Text.Json;
using Alg.Host.Control;

namespace Alg.E2E.Tests.Host;

public sealed class StatusFormatterTests
{
    private static readonly GatewayStatus Sample = new(
        "compiled", "gw.cfg", "a9b57d51ff4579a6", DateTimeOffset.UnixEpoch, 2, 1, 3, 10, 7, 1, 4, 3, 0, 120,
        [new InterfaceStatus("gl0", "inside", "192.168.1.1/24", 60, 6000, 59, 5900, 0, 0, 1)],
        [
            new AlgStatus("tftp", true, 5, 0, 0, 1, 0, 0, 0),
            new AlgStatus("sip", false, 0, 0, 0, 0, 0, 0, 0),
            new AlgStatus("rtsp", true, 4, 2, 0, 2, 0, 0, 0, 1, "RTSP: destination names a host other than the client; removed (RFC 2326 §12.39)"),
        ],
        [new("acl-denied-inbound", 2)],
        4096);

    [Fact]
    public void TextShowsTierConfigFlowsPinholesAlgsAndDrops()
    {
        var text = StatusFormatter.Text(Sample);

        Assert.Contains("engine:       compiled\n", text, StringComparison.Ordinal);
        Assert.Contains("config:       gw.cfg (fingerprint a9b57d51ff4579a6)\n", text, StringComparison.Ordinal);
        Assert.Contains("flows:        3 live, 10 created, 7 expired\n", text, StringComparison.Ordinal);
        Assert.Contains("pinholes:     1 open, 4 opened, 3 used, 0 expired\n", text, StringComparison.Ordinal);
        Assert.Contains("tftp       inspected 5", text, StringComparison.Ordinal);
        Assert.Contains("sip        enabled, not implemented", text, StringComparison.Ordinal);
        Assert.Contains("acl-denied-inbound", text, StringComparison.Ordinal);
        Assert.Contains("parts refused 1, failures 0 (last refused: RTSP: destination names a host other than the client", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlgsTunnelsAndDropsByReasonAreShownInTextAndJson()
    {
        var sctp = new AlgStatus("sctp", true, 9, 0, 0, 0, 0, 0, 0, PolicyDrops: 3, PolicyDropsBy: new Dictionary<string, long> { ["SCTP: bad tag"] = 2, ["SCTP: no association"] = 1 });
        var pptp = new AlgStatus("pptp", true, 6, 2, 0, 0, 0, 0, 0, TunnelsOpened: 2);
        var status = Sample with { Algs = [sctp, pptp] };

        var text = StatusFormatter.Text(status);
        Assert.Contains("failures 0, dropped 3\n", text, StringComparison.Ordinal);
        Assert.Contains("    dropped 2: SCTP: bad tag\n", text, StringComparison.Ordinal);
        Assert.Contains("failures 0, tunnels 2\n", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(StatusFormatter.Json(status));
        Assert.Equal(2, json.RootElement.GetProperty("algs")[0].GetProperty("policyDropsBy").GetProperty("SCTP: bad tag").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("algs")[1].GetProperty("tunnelsOpened").GetInt64());
    }

    [Fact]
    public void JsonUsesCamelCaseNames()
    {
        using var json = JsonDocument.Parse(StatusFormatter.Json(Sample));

        Assert.Equal("compiled", json.RootElement.GetProperty("tier").GetString());
        Assert.Equal("a9b57d51ff4579a6", json.RootElement.GetProperty("fingerprint").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("pinholesOpened").GetInt64());
        Assert.Equal("gl0", json.RootElement.GetProperty("interfaces")[0].GetProperty("name").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("algs")[0].GetProperty("pinholesOpened").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("algs")[2].GetProperty("partsRefused").GetInt64());
    }
}
