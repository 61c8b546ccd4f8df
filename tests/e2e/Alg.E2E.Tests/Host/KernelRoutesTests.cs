using Alg.Host.Linux;

namespace Alg.E2E.Tests.Host;

public sealed class KernelRoutesTests
{
    [Fact]
    public void ReadsProcNetRouteLongestPrefixFirstAndSkipsRoutesThatAreDown()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, string.Join('\n',
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT",
            "gw0\t00000000\t147100CB\t0003\t0\t0\t0\t00000000\t0\t0\t0",
            "gl0\t0001A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
            "gw0\t007100CB\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
            "gl0\t0002A8C0\t00000000\t0000\t0\t0\t0\t00FFFFFF\t0\t0\t0") + "\n");
        try
        {
            var routes = KernelRoutes.Read(path);

            Assert.Equal(3, routes.Count);
            Assert.Equal(new KernelRoute("gl0", 0xC0A80100, 0xFFFFFF00, 0, 0), routes[0]);
            Assert.Equal(new KernelRoute("gw0", 0xCB007100, 0xFFFFFF00, 0, 0), routes[1]);
            Assert.Equal(new KernelRoute("gw0", 0, 0, 0xCB007114, 0), routes[2]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
