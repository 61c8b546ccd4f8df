namespace Alg.DeviceConsole.Tests.Support;

/// <summary>Where the repository, its samples and this project's configurations are, from the test binary's folder.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Samples => Path.Combine(RepositoryRoot, "samples");

    public static string Configs => Path.Combine(AppContext.BaseDirectory, "Configs");

    /// <summary>The built <c>alg</c> (the Cli project's output, copied beside the tests).</summary>
    public static string AlgDll => Path.Combine(AppContext.BaseDirectory, "alg.dll");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alg.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("cannot find Alg.sln above " + AppContext.BaseDirectory);
    }
}
