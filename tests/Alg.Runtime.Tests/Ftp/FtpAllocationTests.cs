using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.Ftp;

/// <summary>Hot-path rule: once the control connection exists, reading, rewriting and opening a pinhole for each command
/// and reply allocates nothing (the stream buffer and session are the connection's, made once).</summary>
public sealed class FtpAllocationTests
{
    [Theory]
    [InlineData(false, "PORT 192,168,1,10,156,65\r\n", "200 PORT command successful.\r\n")]
    [InlineData(false, "EPRT |1|192.168.1.10|40001|\r\n", "200 EPRT command successful.\r\n")]
    [InlineData(false, "PASV\r\n", "227 Entering Passive Mode (203,0,113,20,156,65).\r\n")]
    [InlineData(false, "PORT 198,51,100,7,0,80\r\n", "200 PORT command successful.\r\n")]
    [InlineData(false, "RETR some/file.txt\r\n", "150-Opening data connection\r\n for some/file.txt\r\n150 ok\r\n")]
    [InlineData(true, "PASV\r\n", "227 Entering Passive Mode (192,168,1,21,156,65).\r\n")]
    [InlineData(true, "EPSV\r\n", "229 Entering Extended Passive Mode (|||40001|)\r\n")]
    [InlineData(true, "PASV\r\n", "227-Entering Passive Mode\r\n 192,168,1,21,156,65\r\n227 OK\r\n")]
    public void Each_command_and_reply_allocates_nothing_once_the_connection_exists(bool serverInside, string command, string reply)
    {
        var gateway = new FtpHarness(serverInside);
        var control = new ControlConnection(gateway, serverInside);
        control.Connect();
        control.Answer("220 ready\r\n");
        var exchange = control.SteadyExchange(command, reply);
        for (var i = 0; i < 50; i++)
        {
            exchange();
        }

        var allocated = Allocations.Quietest(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                exchange();
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(0, gateway.Counters.Failures);
        Assert.True(gateway.Counters.Inspected > 300);
    }
}
