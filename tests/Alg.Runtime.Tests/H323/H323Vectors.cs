using System.Buffers.Binary;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.H323;

/// <summary>
/// The generated H.323 test vectors (tests/data/h323/vectors.tsv, made by make-vectors.sh with Erlang's aligned-PER
/// encoder from the ITU ASN.1 modules): whole TPKTs for call signalling and H.245, bare RasMessages for RAS. The inside
/// party in them is 192.168.1.10 (<see cref="AlgHarness.Client"/>), the outside one 203.0.113.20, another inside host
/// 192.168.1.99.
/// </summary>
internal static class H323Vectors
{
    public static readonly uint Neighbour = Ip.V4("192.168.1.99");

    private static readonly Lazy<Dictionary<string, byte[]>> All = new(Load);

    public static IEnumerable<string> Names => All.Value.Keys;

    /// <summary>A fresh copy of a vector.</summary>
    public static byte[] Get(string name) => (byte[])All.Value[name].Clone();

    /// <summary>A vector with the inside party's address (192.168.1.10) replaced by <paramref name="inside"/> (the
    /// published server 192.168.1.21 when the inside party is the callee behind a port forward).</summary>
    public static byte[] WithInside(string name, uint inside)
    {
        var bytes = Get(name);
        Span<byte> from = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(from, AlgHarness.Client);
        for (var i = bytes.AsSpan().IndexOf(from); i >= 0; i = bytes.AsSpan().IndexOf(from))
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i), inside);
        }

        return bytes;
    }

    /// <summary>RAS vectors are bare RasMessages (one UDP datagram).</summary>
    public static bool IsRas(string name) => name.StartsWith("ras-", StringComparison.Ordinal) || name is "h460-rrq" or "h460-rcf" or "h460-sci";

    /// <summary>H.245 vectors are TPKTs of a separate H.245 connection.</summary>
    public static bool IsH245(string name) => name.StartsWith("h245-", StringComparison.Ordinal) || name is "h460-olc" or "refused-olc-neighbour";

    public static TheoryData<string> Theory(Func<string, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var name in Names.Where(filter))
        {
            data.Add(name);
        }

        return data;
    }

    private static Dictionary<string, byte[]> Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alg.sln")))
        {
            directory = directory.Parent;
        }

        var path = directory is null ? null : Path.Combine(directory.FullName, "tests", "data", "h323", "vectors.tsv");
        if (path is null || !File.Exists(path))
        {
            throw new InvalidOperationException($"tests/data/h323/vectors.tsv not found above {AppContext.BaseDirectory}");
        }

        var vectors = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                vectors[line[..tab]] = Convert.FromHexString(line[(tab + 1)..]);
            }
        }

        return vectors;
    }
}
