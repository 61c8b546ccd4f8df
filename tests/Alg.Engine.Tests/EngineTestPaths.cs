namespace Alg.Engine.Tests;

/// <summary>The shared corpus beside the repository; tests fail, not skip, when it is missing.</summary>
public static class EngineTestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string CorpusPcaps
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "pcaps"));
            return Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"the shared corpus is missing: expected {path}");
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alg.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("cannot find Alg.sln");
    }
}
