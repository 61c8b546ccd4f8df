using Alg.Policy.Algs;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Ftp;

/// <summary>
/// ASA <c>inspect ftp strict</c>: the anomalies the ASA documentation lists drop the connection (truncated PORT/227,
/// a command not ended by CRLF, PORT from the server, 227 from the client, a port below 1024, more than 8 characters
/// after the numbers, a command before the previous one was answered, PORT/227 quoted in an error reply). Without
/// strict the same lines pass (counted, nothing opened where the address is not usable).
/// </summary>
public sealed class FtpStrictTests
{
    private static readonly (string, AlgOptionValue) Strict = ("strict", AlgOptionValue.FromBoolean(true));

    [Theory]
    [InlineData("PORT 192,168,1,10,156\r\n")]
    [InlineData("PORT 192,168,1,10,156,65\n")]
    [InlineData("PORT 192,168,1,10,0,21\r\n")]
    [InlineData("PORT 192,168,1,10,156,65 and more text\r\n")]
    [InlineData("227 Entering Passive Mode (192,168,1,10,156,65)\r\n")]
    [InlineData("NOOP\r\nNOOP\r\n")]
    public void Strict_drops_the_connection_on_an_anomalous_command(string command)
    {
        var gateway = new FtpHarness(false, default, Strict);
        var control = FtpAlgTests.Connected(gateway);

        var sent = control.Send(command);
        Assert.Equal(NatAction.Drop, sent.Verdict.Action);
        Assert.Equal(DropReason.AlgPolicyViolation, sent.Verdict.Reason);
        Assert.Equal(NatAction.Drop, control.Send("NOOP\r\n").Verdict.Action);
        Assert.Equal(0, gateway.Counters.PinholesOpened);
        Assert.StartsWith("ftp strict", gateway.Counters.LastPolicyDrop, StringComparison.Ordinal);

        var lenient = new FtpHarness();
        Assert.True(FtpAlgTests.Connected(lenient).Send(command).Forwarded);
    }

    [Theory]
    [InlineData("PORT 1,2,3,4,5,6\r\n")]
    [InlineData("500 'PORT 192,168,1,10,156,65': command not understood.\r\n")]
    [InlineData("550 227 Entering Passive Mode (1,2,3,4,5,6)\r\n")]
    public void Strict_drops_the_connection_on_an_anomalous_server_line(string reply)
    {
        var gateway = new FtpHarness(false, default, Strict);
        var control = FtpAlgTests.Connected(gateway);
        control.Send("NOOP\r\n");

        var sent = control.Answer(reply);
        Assert.Equal(NatAction.Drop, sent.Verdict.Action);
        Assert.Equal(DropReason.AlgPolicyViolation, sent.Verdict.Reason);
    }

    [Fact]
    public void Strict_lets_a_well_behaved_session_through_and_rewrites_its_port()
    {
        var gateway = new FtpHarness(false, default, Strict);
        var control = FtpAlgTests.Connected(gateway);

        Assert.True(control.Send("USER anonymous\r\n").Forwarded);
        control.Answer("331 Please specify the password.\r\n");
        Assert.True(control.Send("PASS x\r\n").Forwarded);
        control.Answer("230-Welcome\r\n230 Login successful.\r\n");
        Assert.Equal("PORT 203,0,113,1,156,65\r\n", control.Send("PORT 192,168,1,10,156,65\r\n").Payload);
        control.Answer("200 PORT command successful.\r\n");
        Assert.True(control.Send("RETR f\r\n").Forwarded);
        control.Answer("150 Opening BINARY mode data connection.\r\n");
        control.Answer("226 Transfer complete.\r\n");
        Assert.True(control.Send("QUIT\r\n").Forwarded);
        Assert.Equal(0, gateway.Counters.PolicyDrops);
    }

    /// <summary>Each denied command (ASA inspect map <c>match request-command</c> + reset) drops its connection; others pass.</summary>
    [Theory]
    [InlineData("deny-put", "STOR a\r\n")]
    [InlineData("deny-get", "RETR a\r\n")]
    [InlineData("deny-site", "site chmod 777 a\r\n")]
    [InlineData("deny-mkd", "XMKD d\r\n")]
    [InlineData("deny-cdup", "CDUP\r\n")]
    public void Denied_command_drops_the_connection(string option, string command)
    {
        var gateway = new FtpHarness(false, default, (option, AlgOptionValue.FromBoolean(true)));
        var control = FtpAlgTests.Connected(gateway);

        Assert.True(control.Send("NOOP\r\n").Forwarded);
        var sent = control.Send(command);
        Assert.Equal(NatAction.Drop, sent.Verdict.Action);
        Assert.Equal(1, gateway.Counters.PolicyDrops);
        Assert.StartsWith("request-command deny", gateway.Counters.LastPolicyDrop, StringComparison.Ordinal);
    }
}
