namespace Alg.Compiler.Binding;

/// <summary>
/// The ScreenOS device families whose ALG defaults differ (Juniper NSM 2012.2, "Enabling ALGs"): from ScreenOS
/// 6.0 the ISG-1000/2000 and NetScreen-2000/5000 lines ship with H.323, SIP, MGCP, SCCP, MSRPC, SunRPC, SQL and
/// PPTP off; every other device (the SSG line, NetScreen-5GT/25/50/204/208/500) ships with all ALGs on.
/// </summary>
public enum ScreenOsPlatformFamily
{
    /// <summary>Nothing in the file tells the device: defaults that differ between families are inferred.</summary>
    Unknown,

    /// <summary>SSG and the smaller NetScreen devices: all ALGs on.</summary>
    Branch,

    /// <summary>ISG-1000/2000, NetScreen-2000 and NetScreen-5000 lines.</summary>
    HighEnd,
}
