namespace Alg.Runtime.Tests.Support;

/// <summary>Finds the shared capture corpus: the directory holding Alg.sln, then ../shared/corpus/pcaps.</summary>
/// <remarks>CI clones the repository with shared/ beside it. Missing corpus = failing test, never a silent skip.</remarks>
public static class Corpus
{
    public static string PcapDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Alg.sln")))
            {
                directory = directory.Parent;
            }

            if (directory is null)
            {
                throw new InvalidOperationException($"No Alg.sln above {AppContext.BaseDirectory}: cannot locate the repository root to find ../shared/corpus/pcaps.");
            }

            var pcaps = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "corpus", "pcaps"));
            if (!Directory.Exists(pcaps))
            {
                throw new InvalidOperationException($"Capture corpus not found at {pcaps}. Clone or copy the shared corpus beside the repository (shared/corpus/pcaps).");
            }

            return pcaps;
        }
    }

    public static string FilePath(string fileName) => System.IO.Path.Combine(PcapDirectory, fileName);

    /// <summary>Every corpus file name, or one placeholder that fails loudly when the corpus is absent.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        try
        {
            foreach (var file in Directory.GetFiles(PcapDirectory).Order(StringComparer.Ordinal))
            {
                data.Add(System.IO.Path.GetFileName(file));
            }
        }
        catch (InvalidOperationException)
        {
            data.Add("<corpus missing>");
        }

        return data;
    }
}
