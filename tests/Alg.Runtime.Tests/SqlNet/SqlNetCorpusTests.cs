using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.SqlNet;

/// <summary>
/// The TNS captures of the shared corpus through the SQL*Net ALG, the client inside (algs.md §8.6): nDPI's Oracle 12c
/// session (CONNECT, RESEND, CONNECT, ACCEPT of version 315, then DATA with 4-byte lengths) and Arkime's (port 1522).
/// Neither holds a REDIRECT, so nothing may change: what leaves has valid checksums (tshark), the interpreter and the
/// compiled engine each replaying alone send the same bytes, and the framing never loses its place (no malformed count).
/// </summary>
public sealed class SqlNetCorpusTests
{
    public static TheoryData<string, ushort> TnsCaptures() => new()
    {
        { "ntop_nDPI__oracle12.pcapng", 1521 },
        { "arkime_arkime__oracle.pcap", 1522 },
    };

    [RequiresTsharkTheory]
    [MemberData(nameof(TnsCaptures))]
    public void Corpus_tns_leaves_with_valid_checksums_and_the_same_bytes_from_both_engines(string file, ushort port)
    {
        ImmutableArray<AlgPort> ports = [AlgPort.Tcp(port)];
        var interpreterGateway = new AlgHarness("sqlnet", port, false, ports, FtpEngine.Interpreter);
        var interpreted = AlgCorpusReplay.Run(interpreterGateway, file);
        var compiled = AlgCorpusReplay.Run(new AlgHarness("sqlnet", port, false, ports, FtpEngine.Compiled), file);

        Assert.NotEmpty(interpreted);
        Assert.Equal(interpreted.Count, compiled.Count);
        for (var i = 0; i < interpreted.Count; i++)
        {
            Assert.True(interpreted[i].AsSpan().SequenceEqual(compiled[i]), $"{file}: frame {i} differs between the engines");
        }

        Assert.Equal(0, interpreterGateway.Counters.Failures);
        Assert.Equal(0, interpreterGateway.Counters.Malformed);
        Assert.True(interpreterGateway.Counters.Inspected > 0, $"{file}: the ALG read nothing");
        var bad = Tshark.BadChecksumFrames(interpreted, "sqlnet-corpus");
        Assert.True(string.IsNullOrWhiteSpace(bad), $"{file}: frames with bad checksums after the SQL*Net ALG: {bad}");
    }
}
