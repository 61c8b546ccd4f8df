namespace Alg.FrontEnd.Tests.Support;

/// <summary>Where the repository, its golden files and the shared corpus are, from the test binary's folder.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string GoldenDirectory => Path.Combine(RepositoryRoot, "tests", "golden", "frontend");

    public static string SamplesDirectory => Path.Combine(RepositoryRoot, "samples");

    /// <summary>../shared/corpus/configs beside the repository; tests fail (not skip) without it.</summary>
    public static string CorpusConfigs
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "configs"));
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"the shared corpus is missing: expected {path} (clone the repository next to shared/)");
            }

            return path;
        }
    }

    /// <summary>../shared/corpus/configs-wild: configurations as engineers keep them in their repositories.</summary>
    public static string CorpusWildConfigs => Path.Combine(Path.GetDirectoryName(CorpusConfigs)!, "configs-wild");

    public static bool UpdateGolden => Environment.GetEnvironmentVariable("ALG_UPDATE_GOLDEN") == "1";

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
