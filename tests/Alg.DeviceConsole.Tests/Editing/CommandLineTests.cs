using Alg.Cli;
using Alg.DeviceConsole.Tests.Support;

namespace Alg.DeviceConsole.Tests.Editing;

/// <summary>`alg console` as a command: what it refuses before any session starts.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Without_a_gateway_at_the_control_socket_it_says_so_and_exits_2()
    {
        var error = new StringWriter();
        var code = AlgCommandLine.Run(["console", "--control", "/nonexistent/alg.sock"], new StringWriter(), error);
        Assert.Equal(2, code);
        Assert.Contains("no alg run answers there", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_and_curly_brace_junos_are_refused()
    {
        var error = new StringWriter();
        Assert.Equal(2, AlgCommandLine.Run(["console", "--config", "/nonexistent/edge.cfg"], new StringWriter(), error));
        Assert.Contains("no such file", error.ToString(), StringComparison.Ordinal);

        using var folder = new TempFolder();
        var junos = folder.Write("srx.conf", "system {\n    host-name srx;\n}\nsecurity {\n    alg {\n        sip disable;\n    }\n}\n");
        error = new StringWriter();
        Assert.Equal(2, DeviceConsoleProgram.Run(junos, "/nonexistent", Alg.Policy.Model.Dialect.Junos, new StringReader(string.Empty), new StringWriter(), error));
        Assert.Contains("the console edits the 'display set' form", error.ToString(), StringComparison.Ordinal);
    }
}
