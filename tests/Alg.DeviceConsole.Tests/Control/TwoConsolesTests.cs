using Alg.DeviceConsole.Session;
using Alg.DeviceConsole.Stores;
using Alg.DeviceConsole.Tests.Support;
using Alg.Host.Control;
using Alg.Policy.Model;

namespace Alg.DeviceConsole.Tests.Control;

/// <summary>Two consoles on one gateway: each sees the other's changes; a commit against an old version is refused.</summary>
public sealed class TwoConsolesTests
{
    [Fact]
    public void A_change_made_in_one_console_is_seen_by_the_other()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"));
        var outputA = new StringWriter { NewLine = "\n" };
        var outputB = new StringWriter { NewLine = "\n" };
        var a = new ConsoleSession(new ControlConfigurationStore(gateway.SocketPath), Dialect.Ios, outputA);
        var b = new ConsoleSession(new ControlConfigurationStore(gateway.SocketPath), Dialect.Ios, outputB);
        a.Execute("conf t", 1);
        Assert.True(a.Execute("no ip nat service sip udp port 5060", 2));
        Assert.True(b.Execute("show running-config | include service sip", 1));
        Assert.Contains("changed by another session", outputB.ToString(), StringComparison.Ordinal);
        Assert.Contains("\nno ip nat service sip udp port 5060\n", outputB.ToString(), StringComparison.Ordinal);
        b.Execute("conf t", 2);
        Assert.True(b.Execute("no ip nat service sip tcp port 5060", 3));
        Assert.False(gateway.SipAlgOn);
        var running = gateway.Running().Text;
        Assert.Contains("no ip nat service sip udp port 5060", running, StringComparison.Ordinal);
        Assert.Contains("no ip nat service sip tcp port 5060", running, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commit_against_a_configuration_that_changed_since_it_was_read_is_refused()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"));
        var read = new ControlConfigurationStore(gateway.SocketPath).Read();
        Assert.Equal("ios", read.Dialect);
        Assert.True(Path.IsPathRooted(read.Path));
        var first = new ControlConfigurationStore(gateway.SocketPath).Commit(read.Version, read.Text + "no ip nat service sip udp port 5060\n");
        Assert.True(first.Ok, first.Message);
        var stale = new ControlConfigurationStore(gateway.SocketPath).Commit(read.Version, read.Text + "ip nat translation tcp-timeout 600\n");
        Assert.False(stale.Ok);
        Assert.Contains("changed since this console read it", stale.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tcp-timeout 600", gateway.Running().Text, StringComparison.Ordinal);
        Assert.Equal(first.Version, gateway.Running().Version);
    }

    [Fact]
    public void A_console_whose_commit_loses_a_race_says_so_and_reads_the_configuration_again()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"));
        var output = new StringWriter { NewLine = "\n" };
        var racing = new RacingStore(new ControlConfigurationStore(gateway.SocketPath), gateway);
        var session = new ConsoleSession(racing, Dialect.Ios, output);
        session.Execute("conf t", 1);
        Assert.False(session.Execute("ip nat translation tcp-timeout 600", 2));
        Assert.Contains("% not applied: alg: the running configuration changed since this console read it", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("hostname raced", session.RunningText, StringComparison.Ordinal);
        Assert.DoesNotContain("tcp-timeout 600", gateway.Running().Text, StringComparison.Ordinal);
    }

    /// <summary>A store whose first commit comes just after another console's.</summary>
    private sealed class RacingStore(IConfigurationStore inner, InProcessGateway gateway) : IConfigurationStore
    {
        private bool _raced;

        public bool IsLive => inner.IsLive;

        public StoredConfiguration Read() => inner.Read();

        public string CurrentVersion() => inner.CurrentVersion();

        public StoreOutcome Commit(string basedOn, string text)
        {
            if (!_raced)
            {
                _raced = true;
                var running = gateway.Running();
                Assert.True(gateway.Commit(running.Version, running.Text.Replace("hostname algrun-gw", "hostname raced", StringComparison.Ordinal)).Applied);
            }

            return inner.Commit(basedOn, text);
        }

        public StoreOutcome Write() => inner.Write();

        public LiveState? Live(out string? unavailable) => inner.Live(out unavailable);
    }
}
