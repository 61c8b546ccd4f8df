using Alg.Cli;

namespace Alg.E2E.Tests.Host;

/// <summary>What `alg run`, `alg reload` and `alg status` say when they cannot work: a sentence, never a stack trace.</summary>
public sealed class RunCliTests
{
    [Fact]
    public void RunNamesTheConfigurationLineOfAnInterfaceThisHostDoesNotHave()
    {
        var config = Path.Combine(Path.GetTempPath(), $"alg-run-{Guid.NewGuid():N}.cfg");
        File.WriteAllText(config, "interface nosuch0\n ip address 192.168.1.1 255.255.255.0\n ip nat inside\n!\ninterface nosuch1\n ip address 203.0.113.1 255.255.255.0\n ip nat outside\n!\naccess-list 1 permit 192.168.1.0 0.0.0.255\nip nat inside source list 1 interface nosuch1 overload\n");
        try
        {
            var (exitCode, _, error) = Run("run", "--config", config, "--control", Path.Combine(Path.GetTempPath(), "unused.sock"));

            Assert.Equal(AlgCommandLine.ExitUsage, exitCode);
            Assert.Contains(":1: interface nosuch0: no network interface named nosuch0 in this namespace", error, StringComparison.Ordinal);
            Assert.Contains(":5: interface nosuch1: no network interface named nosuch1", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public void RunRefusesAConfigurationWithErrorsBeforeTouchingTheSystem()
    {
        var config = Path.Combine(Path.GetTempPath(), $"alg-run-{Guid.NewGuid():N}.cfg");
        File.WriteAllText(config, "interface gl0\n ip nat inside\n!\nip nat translation udp-timeout banana\n");
        try
        {
            var (exitCode, _, error) = Run("run", "--config", config);

            Assert.Equal(AlgCommandLine.ExitFindings, exitCode);
            Assert.Contains("the configuration has errors; not starting", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData("reload")]
    [InlineData("status")]
    public void ReloadAndStatusSayWhenNoGatewayAnswers(string command)
    {
        var socket = Path.Combine(Path.GetTempPath(), $"alg-none-{Guid.NewGuid():N}.sock");

        var (exitCode, _, error) = Run(command, "--control", socket);

        Assert.Equal(AlgCommandLine.ExitUsage, exitCode);
        Assert.Contains($"{socket}: no alg run answers there", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = AlgCommandLine.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
