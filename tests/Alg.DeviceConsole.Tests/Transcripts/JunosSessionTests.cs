using Alg.Compiler;
using Alg.DeviceConsole.Session;
using Alg.DeviceConsole.Stores;
using Alg.DeviceConsole.Tests.Support;
using Alg.Policy.Model;

namespace Alg.DeviceConsole.Tests.Transcripts;

/// <summary>Junos at the console: set and delete change a candidate; commit makes it the running configuration.</summary>
public sealed class JunosSessionTests
{
    [Fact]
    public void Set_lines_wait_for_commit_which_loads_them_into_the_gateway()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("junos-gateway.conf"));
        var output = new StringWriter { NewLine = "\n" };
        var session = new ConsoleSession(new ControlConfigurationStore(gateway.SocketPath), Dialect.Junos, output);
        Assert.EndsWith("@srx> ", session.Prompt, StringComparison.Ordinal);
        Assert.True(session.Execute("configure", 1));
        Assert.EndsWith("@srx# ", session.Prompt, StringComparison.Ordinal);
        Assert.True(session.Execute("set security alg sip disable", 2));
        Assert.True(gateway.SipAlgOn);
        Assert.True(session.Execute("show | display set | match alg", 3));
        Assert.Contains("\nset security alg sip disable\n", output.ToString(), StringComparison.Ordinal);
        Assert.True(session.Execute("commit", 4));
        Assert.Contains("commit complete", output.ToString(), StringComparison.Ordinal);
        Assert.False(gateway.SipAlgOn);
        Assert.True(session.Execute("exit", 5));
        Assert.EndsWith("@srx> ", session.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_file_commit_writes_it_and_exit_drops_what_was_not_committed()
    {
        using var folder = new TempFolder();
        var path = folder.Copy("junos-gateway.conf");
        var (code, output) = ConsoleRun.ScriptOnFile(path, Dialect.Junos,
            "configure\nset security alg sip disable\ncommit\nset security alg sip inactive-media-timeout 300\nexit\nshow configuration | match alg\n");
        Assert.True(code == 0, output);
        Assert.Contains("changes that were not committed; they are dropped", output, StringComparison.Ordinal);
        Assert.Contains("set security alg sip disable", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.DoesNotContain("inactive-media-timeout", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.False(ConfigurationLoader.LoadFile(path, Dialect.Junos).Policy!.FindAlg("sip")!.Enabled);
        Assert.True(File.Exists(path + ".bak"));
    }

    [Fact]
    public void Rollback_drops_the_candidate_and_delete_removes_a_set_line()
    {
        using var folder = new TempFolder();
        var path = folder.Copy("junos-gateway.conf");
        File.AppendAllText(path, "set security alg sip disable\n");
        var output = new StringWriter { NewLine = "\n" };
        var session = new ConsoleSession(new FileConfigurationStore(path), Dialect.Junos, output);
        session.Execute("configure", 1);
        Assert.True(session.Execute("delete security alg sip disable", 2));
        Assert.DoesNotContain("sip disable", session.RunningText, StringComparison.Ordinal);
        Assert.True(session.Execute("rollback", 3));
        Assert.Contains("set security alg sip disable", session.RunningText, StringComparison.Ordinal);
        Assert.True(session.Execute("delete security alg sip disable", 4));
        Assert.True(session.Execute("commit", 5));
        Assert.True(ConfigurationLoader.LoadFile(path, Dialect.Junos).Policy!.FindAlg("sip")!.Enabled);
    }
}
