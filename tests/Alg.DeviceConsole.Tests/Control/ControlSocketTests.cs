using System.Net.Sockets;
using System.Text;
using Alg.DeviceConsole.Tests.Support;
using Alg.Host.Control;

namespace Alg.DeviceConsole.Tests.Control;

/// <summary>What the control socket refuses: strangers, oversized, malformed or slow requests.</summary>
public sealed class ControlSocketTests
{
    private static (bool Ok, string Text) Raw(string socketPath, byte[] request, bool closeSend = true)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(socketPath));
        try
        {
            socket.Send(request);
            if (closeSend)
            {
                socket.Shutdown(SocketShutdown.Send);
            }
        }
        catch (SocketException)
        {
            // The server stopped reading: its answer is still there to read.
        }

        // Straight from the socket: after a refused send .NET no longer counts it connected, but the answer is there.
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        int count;
        while ((count = socket.Receive(buffer)) > 0)
        {
            answer.Write(buffer, 0, count);
        }

        var text = Encoding.UTF8.GetString(answer.ToArray());
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return (newline > 0 && text[..newline] == ControlProtocol.Ok, newline < 0 ? text : text[(newline + 1)..]);
    }

    [Fact]
    public void An_oversized_request_is_refused_and_the_running_configuration_stays()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"), maxRequestBytes: 4096);
        var version = gateway.Running().Version;
        var request = Encoding.UTF8.GetBytes($"commit {version}\n" + new string('!', 10_000));
        var (ok, text) = Raw(gateway.SocketPath, request);
        Assert.False(ok);
        Assert.Contains("larger than 4096 bytes", text, StringComparison.Ordinal);
        Assert.Equal(version, gateway.Running().Version);
    }

    [Fact]
    public void A_command_line_longer_than_a_command_is_refused()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"));
        var (ok, text) = Raw(gateway.SocketPath, Encoding.UTF8.GetBytes(new string('x', 5000)));
        Assert.False(ok);
        Assert.Contains("command line is longer than", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x73, 0x74, 0xC3, 0x28, 0x0A }, "not UTF-8")]
    [InlineData(new byte[] { 0x73, 0x74, 0x00, 0x0A }, "NUL")]
    public void A_request_that_is_not_text_is_refused(byte[] request, string reason)
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"));
        var (ok, text) = Raw(gateway.SocketPath, request);
        Assert.False(ok);
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("commit banana\nhostname x\n", "not a configuration version")]
    [InlineData("frobnicate\n", "unknown command 'frobnicate'")]
    public void A_malformed_or_unknown_command_is_refused_by_name(string request, string reason)
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"));
        var (ok, text) = Raw(gateway.SocketPath, Encoding.UTF8.GetBytes(request));
        Assert.False(ok);
        Assert.Contains(reason, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_that_sends_nothing_is_dropped_and_the_next_one_is_served()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"), receiveTimeout: TimeSpan.FromMilliseconds(300));
        var (ok, text) = Raw(gateway.SocketPath, [], closeSend: false);
        Assert.False(ok);
        Assert.Contains("did not arrive within", text, StringComparison.Ordinal);
        Assert.True(ControlClient.Send(gateway.SocketPath, ControlProtocol.Version).Ok);
    }

    [Fact]
    public void A_commit_with_errors_is_refused_with_its_diagnostics()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"));
        var running = gateway.Running();
        var (ok, text) = ControlClient.Send(gateway.SocketPath, $"commit {running.Version}", running.Text + "ip nat translation udp-timeout banana\n");
        Assert.False(ok);
        Assert.Contains("ALG1002", text, StringComparison.Ordinal);
        Assert.Equal(running.Version, gateway.Running().Version);
    }

    [Fact]
    public void The_kernel_names_the_peer_and_only_root_the_own_user_and_the_alg_group_are_let_in()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(gateway.SocketPath));
        var me = PeerCredentials.Of(socket);
        Assert.NotNull(me);
        Assert.Equal(Environment.ProcessId, me.ProcessId);

        var access = new ControlAccess(ownUserId: 500, groupId: 990);
        Assert.True(access.Allows(new PeerCredentials(1, 0, 0), []));
        Assert.True(access.Allows(new PeerCredentials(1, 500, 500), []));
        Assert.True(access.Allows(new PeerCredentials(1, 1000, 990), []));
        Assert.True(access.Allows(new PeerCredentials(1, 1000, 1000), [27, 990]));
        Assert.False(access.Allows(new PeerCredentials(1, 1000, 1000), [27]));
        Assert.False(access.Allows(null, []));
        Assert.False(new ControlAccess(500, null).Allows(new PeerCredentials(1, 1000, 990), [990]));
    }

    [Fact]
    public void A_stranger_is_refused_before_the_request_is_read()
    {
        using var folder = new TempFolder();
        // A gateway that lets no one in but uid 4242, a user this test is not (unless it runs as 4242: then nothing to show).
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"), access: new ControlAccess(4242, null), rootAllowed: false);
        var (ok, text) = Raw(gateway.SocketPath, Encoding.UTF8.GetBytes("version\n"));
        Assert.False(ok);
        Assert.Contains("refused: only root", text, StringComparison.Ordinal);
    }
}
