namespace Alg.Runtime.Tests.Support;

/// <summary>Finds the lab captures (tests/data/lab, made through Linux masquerade in network namespaces).</summary>
/// <remarks>Per scenario: lan0 = the phone, gl0 = the gateway's inside interface, gw0 = its outside interface,
/// wan0 = the server; logs/ holds the commands and the gateway's nft ruleset and conntrack tables.</remarks>
public static class LabData
{
    public static string Scenario(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alg.sln")))
        {
            directory = directory.Parent;
        }

        var path = directory is null ? null : Path.Combine(directory.FullName, "tests", "data", "lab", name);
        return path is not null && Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"lab scenario '{name}' not found under tests/data/lab (above {AppContext.BaseDirectory})");
    }
}
