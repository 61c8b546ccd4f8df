using Alg.DeviceConsole.Tests.Support;
using Alg.Host.Control;
using Alg.Policy.Model;

namespace Alg.DeviceConsole.Tests.Editing;

/// <summary><c>write memory</c>: the file is replaced whole or not at all, the old one kept, comments kept in place.</summary>
public sealed class AtomicWriteTests
{
    [Fact]
    public void A_crash_between_the_write_and_the_rename_leaves_the_old_file_and_no_temporary()
    {
        using var folder = new TempFolder();
        var path = folder.Write("edge.cfg", "hostname old\n");
        Assert.Throws<IOException>(() => ConfigurationFileWriter.Write(path, "hostname new\n", beforeRename: () => throw new IOException("power cut")));
        Assert.Equal("hostname old\n", File.ReadAllText(path));
        Assert.DoesNotContain(Directory.GetFiles(folder.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void A_write_replaces_the_file_keeps_the_previous_as_bak_and_its_mode()
    {
        using var folder = new TempFolder();
        var path = folder.Write("edge.cfg", "hostname old\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        ConfigurationFileWriter.Write(path, "hostname new\n");
        Assert.Equal("hostname new\n", File.ReadAllText(path));
        Assert.Equal("hostname old\n", File.ReadAllText(path + ".bak"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Write_memory_keeps_comments_unknown_lines_and_the_order_of_the_original()
    {
        using var folder = new TempFolder();
        var original = folder.Copy("ios-gateway.cfg");
        var before = File.ReadAllLines(original);
        var (code, output) = ConsoleRun.ScriptOnFile(original, Dialect.Ios, "conf t\nno ip nat service sip udp port 5060\nend\nwrite memory\n");
        Assert.True(code == 0, output);
        var after = File.ReadAllLines(original);
        Assert.Equal([.. before.Where(l => l != "end"), "no ip nat service sip udp port 5060", "end"], after);
        Assert.Equal(before, File.ReadAllLines(original + ".bak"));
        Assert.Contains("[OK]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_memory_on_a_gateway_rewrites_its_file_and_not_over_an_edit_it_has_not_loaded()
    {
        using var folder = new TempFolder();
        var path = folder.Copy("ios-gateway.cfg");
        using var gateway = new InProcessGateway(path);
        var (code, output) = ConsoleRun.ScriptOnGateway(gateway.SocketPath, Dialect.Ios, "conf t\nno ip nat service sip udp port 5060\nend\nwrite memory\n");
        Assert.True(code == 0, output);
        Assert.Contains("no ip nat service sip udp port 5060", File.ReadAllText(path), StringComparison.Ordinal);

        File.AppendAllText(path, "! edited by hand, not reloaded\n");
        (code, output) = ConsoleRun.ScriptOnGateway(gateway.SocketPath, Dialect.Ios, "write memory\n");
        Assert.Equal(1, code);
        Assert.Contains("changed on the disk since the gateway read it", output, StringComparison.Ordinal);
        Assert.EndsWith("! edited by hand, not reloaded\n", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_changed_on_the_disk_since_it_was_read_is_not_overwritten()
    {
        using var folder = new TempFolder();
        var path = folder.Copy("ios-gateway.cfg");
        var store = new Stores.FileConfigurationStore(path);
        File.AppendAllText(path, "! edited by hand meanwhile\n");
        var outcome = store.Write();
        Assert.False(outcome.Ok);
        Assert.Contains("changed on the disk", outcome.Message, StringComparison.Ordinal);
        Assert.EndsWith("! edited by hand meanwhile\n", File.ReadAllText(path), StringComparison.Ordinal);
    }
}
