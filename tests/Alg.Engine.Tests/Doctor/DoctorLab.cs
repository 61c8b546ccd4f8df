using Alg.Compiler;
using Alg.Doctor;

namespace Alg.Engine.Tests.Doctor;

/// <summary>The lab captures and configurations (tests/data/lab, see its MANIFEST.md) as the doctor tests use them.</summary>
internal static class DoctorLab
{
    public static string Directory { get; } = Path.Combine(EngineTestPaths.RepositoryRoot, "tests", "data", "lab");

    public static string Capture(string scenario, string file) => Path.Combine(Directory, scenario, file);

    public static string Config(string name) => Path.Combine(Directory, name);

    public static GatewayContext Gateway(string name) => GatewayContext.FromLoad(ConfigurationLoader.LoadFile(Config(name)));

    /// <summary>The single call of a lab scenario: every lab capture holds exactly one INVITE dialog.</summary>
    public static CallDiagnosis Diagnose(GatewayContext? gateway, params string[] captures) =>
        Assert.Single(CallDoctor.Diagnose(captures, gateway));
}
