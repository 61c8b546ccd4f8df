using System.Diagnostics;
using System.Text;

namespace Alg.Benchmarks.Sip;

/// <summary>A quick breakdown of the SIP ALG's time by message shape (best of several timed loops), for finding
/// where the time goes between BenchmarkDotNet runs: `dotnet run -c Release --project tests/Alg.Benchmarks -- profile-sip`.</summary>
public static class SipProfile
{
    public static void Run(TextWriter output, string? only = null)
    {
        var bench = new SipAlgBenchmarks();
        bench.Setup();
        if (only == "invite")
        {
            // For a sampling profiler: the INVITE alone for a few seconds.
            var until = Stopwatch.StartNew();
            while (until.Elapsed.TotalSeconds < 8)
            {
                bench.AlgInvite();
            }

            return;
        }

        var split = SipMessages.Invite.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var headersOnly = SipMessages.Invite[..split].Replace("Content-Type: application/sdp\r\n", string.Empty, StringComparison.Ordinal);
        headersOnly = System.Text.RegularExpressions.Regex.Replace(headersOnly, "Content-Length: \\d+", "Content-Length: 0");
        var aware = WithContentLength(SipMessages.Invite.Replace("192.168.1.10", "203.0.113.1", StringComparison.Ordinal));
        Measure(output, "parse INVITE", () => bench.ParseInvite());
        Measure(output, "parse SDP", () => bench.ParseSdp());
        Measure(output, "ALG INVITE", () => bench.AlgInvite());
        Measure(output, "ALG 200 OK", () => bench.AlgOk());
        bench.UseInvite(Encoding.ASCII.GetBytes(headersOnly));
        Measure(output, "ALG INVITE headers only", () => bench.AlgInvite());
        var foreignSdp = SipMessages.Invite.Replace("IN IP4 192.168.1.10", "IN IP4 192.168.1.99", StringComparison.Ordinal);
        bench.UseInvite(Encoding.ASCII.GetBytes(foreignSdp));
        Measure(output, "ALG INVITE, SDP not the sender's", () => bench.AlgInvite());
        bench.UseInvite(Encoding.ASCII.GetBytes(aware));
        Measure(output, "ALG INVITE NAT-aware (nothing to do)", () => bench.AlgInvite());
    }

    private static string WithContentLength(string message)
    {
        var split = message.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        return System.Text.RegularExpressions.Regex.Replace(message, "Content-Length: \\d+", "Content-Length: " + (message.Length - split).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Measure(TextWriter output, string name, Func<object> loop)
    {
        var best = double.MaxValue;
        for (var run = 0; run < 15; run++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 200; i++)
            {
                loop();
            }

            best = Math.Min(best, watch.Elapsed.TotalNanoseconds / (200 * 100));
        }

        output.WriteLine($"{name,-40} {best,8:F0} ns");
    }
}
