using Alg.Policy.Algs;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.H323;

/// <summary>An <see cref="AlgHarness"/> with the three H.323 ALGs (Q.931 on TCP 1720, H.245 on what Q.931 opens, RAS
/// on UDP 1719) sharing one stage, as the binders enable them together.</summary>
internal static class H323Gateway
{
    public static readonly string[] Algs = ["h323-q931", "h323-h245", "h323-ras"];

    public static AlgHarness Create(bool serverInside = false, FtpEngine engine = FtpEngine.Both, params (string Name, AlgOptionValue Value)[] options) =>
        new(Algs, 1720, serverInside, default, engine, options);

    public static Alg.Runtime.Algs.AlgCounters Counters(this AlgHarness gateway, string alg) => gateway.Stage.CountersFor(alg);

    /// <summary>A connected call signalling connection (client inside, or outside dialling the published callee).</summary>
    public static ControlConnection Call(AlgHarness gateway, bool serverInside = false, ushort clientPort = 40000)
    {
        var control = new ControlConnection(gateway, serverInside, clientPort);
        control.Connect();
        return control;
    }
}
