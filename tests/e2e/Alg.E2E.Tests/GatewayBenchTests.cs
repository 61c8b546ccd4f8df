using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Alg.E2E.Tests;

/// <summary>
/// Issue #6 end to end: <c>alg run</c> in the gateway namespace of a three-namespace bench, real tools on both
/// sides, captures checked with tshark (tests/e2e/scenarios.sh prints one line per check). Needs root and
/// network namespaces; without them every test is skipped with the reason.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed partial class GatewayBenchTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void PingUdpAndTcpCrossTheGatewayTranslatedAndKernelStateIsRemovedOnExit() => Scenario("nat");

    [SkippableFact]
    public void TftpDownloadUsesTheTftpAlgPinhole() => Scenario("tftp");

    [SkippableFact]
    public void SipCallOverUdpHasRtpBothWaysNoneLostAndTranslatedSignalling() => Scenario("sip-udp");

    [SkippableFact]
    public void ReloadingWithoutTheSipAlgMakesTheNextCallOneWayAndDoctorNamesTheLine() => Scenario("sip-reload-one-way");

    [SkippableFact]
    public void SipCallOverTcpHasRtpBothWays() => Scenario("sip-tcp");

    [SkippableFact]
    public void RegisterThenInboundInviteReachesThePhone() => Scenario("sip-register-inbound");

    [SkippableFact]
    public void TwentyReloadsDuringACallRateRunFailNoCall() => Scenario("reload-under-load");

    [SkippableFact]
    public void ActiveAndPassiveFtpTransfersCompleteThroughTheFtpAlg() => Scenario("ftp");

    [SkippableFact]
    public void WithTheFtpAlgOffActiveFtpFailsAndPassiveStillWorks() => Scenario("ftp-off");

    [SkippableFact]
    public void TwoRtspPlayersAskingForTheSameClientPortsBothGetMediaThroughTheRtspAlg() => Scenario("rtsp");

    [SkippableFact]
    public void WithTheRtspAlgOffOneOfTwoPlayersGetsNoMedia() => Scenario("rtsp-off");

    [SkippableFact]
    public void OsmoMgwBehindTheNatRelaysRtpBothWaysForACallAgentOutside() => Scenario("mgcp");

    [SkippableFact]
    public void WithTheMgcpAlgOffTheCallAgentSeesAPrivateMediaAddress() => Scenario("mgcp-off");

    [SkippableFact]
    public void OracleClientFollowsARedirectFromAListenerBehindTheNatThroughTheSqlNetAlg() => Scenario("sqlnet");

    [SkippableFact]
    public void WithTheSqlNetAlgOffTheRedirectedClientFindsNoRoute() => Scenario("sqlnet-off");

    [SkippableFact]
    public void AStaticNatAddressIsReachableFromOutsideThroughProxyArp() => Scenario("static-nat");

    [SkippableFact]
    public void RpcClientsReachRpcbindsDynamicPortsThroughTheSunRpcAlg() => Scenario("sunrpc");

    [SkippableFact]
    public void WithTheSunRpcAlgOffRpcbindsDynamicPortsStayClosed() => Scenario("sunrpc-off");

    [SkippableFact]
    public void AClientInsideReachesAnOutsideRpcbindsDynamicPortsPastTheInsideAclThroughTheSunRpcAlg() => Scenario("sunrpc-outside");

    [SkippableFact]
    public void WithTheSunRpcAlgOffTheInsideAclKeepsAnOutsideServersDynamicPortsClosed() => Scenario("sunrpc-outside-off");

    [SkippableFact]
    public void AnEptMapClientReachesTheReturnedPortThroughTheMsRpcAlg() => Scenario("msrpc");

    [SkippableFact]
    public void WithTheMsRpcAlgOffTheReturnedPortStaysClosed() => Scenario("msrpc-off");

    [SkippableFact]
    public void AClientInsideReachesAnOutsideEndpointMappersReturnedPortPastTheInsideAclThroughTheMsRpcAlg() => Scenario("msrpc-outside");

    [SkippableFact]
    public void WithTheMsRpcAlgOffTheInsideAclKeepsAnOutsideServersReturnedPortClosed() => Scenario("msrpc-outside-off");

    [SkippableFact]
    public void AnH323CallReplayedFromRealSocketsCrossesTheNatWithItsH245AndMediaThroughTheH323Algs() => Scenario("h323");

    [SkippableFact]
    public void TheSeedsTranscriptsTypedIntoAlgConsoleTurnTheSipAlgOffAndTheNextCallIsOneWay() => Scenario("console-sip-off");

    [SkippableFact]
    public void TwoPptpClientsBehindOneAddressEachGetTheirOwnCallIdAndGreThroughThePptpAlg() => Scenario("pptp");

    [SkippableFact]
    public void WithThePptpAlgOffThePacsGreForTheCallsReachesNeitherClient() => Scenario("pptp-off");

    [SkippableFact]
    public void EspFromTwoInsideHostsToOnePeerWithoutNatTraversalEachGetsOnlyItsRepliesThroughTheIpsecNatGates() => Scenario("esp");

    [SkippableFact]
    public void AnSctpAssociationCrossesTheGatewayAndEachAnomalyClassIsDroppedAndCounted() => Scenario("sctp");

    [SkippableFact]
    public void ShortBenchmarkReachesTheRatesLinuxReaches()
    {
        var (exitCode, text) = BenchScript.Run("bench.sh", "--short", BenchScript.OutputDirectory("bench-short"));
        output.WriteLine(text);
        Skip.If(exitCode == BenchScript.Unavailable, text.Trim());
        Assert.True(exitCode == 0, text);
        var best = BestRate().Matches(text).ToDictionary(m => m.Groups["gateway"].Value, m => int.Parse(m.Groups["rate"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(best.TryGetValue("alg run", out var alg), text);
        Assert.True(best.TryGetValue("Linux (nft masquerade + ct helper sip)", out var linux), text);
        Assert.True(alg >= linux, $"alg run's highest rate without failed calls ({alg}/s) is below Linux's ({linux}/s)\n{text}");
    }

    private void Scenario(string name)
    {
        var (exitCode, text) = BenchScript.Run("scenarios.sh", name, BenchScript.OutputDirectory(name));
        output.WriteLine(text);
        Skip.If(exitCode == BenchScript.Unavailable, text.Trim());
        Assert.True(exitCode == 0, $"scenario {name} failed (exit {exitCode}):\n{text}");
    }

    [GeneratedRegex(@"^\| (?<gateway>[^|]+?) \| (?<rate>\d+) calls/s", RegexOptions.Multiline)]
    private static partial Regex BestRate();
}
