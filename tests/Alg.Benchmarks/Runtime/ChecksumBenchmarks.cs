using Alg.Runtime.Checksums;
using BenchmarkDotNet.Attributes;

namespace Alg.Benchmarks.Runtime;

/// <summary>Incremental (RFC 1624) against full Internet checksums, and CRC32c for SCTP.</summary>
[MemoryDiagnoser]
public class ChecksumBenchmarks
{
    private const int UpdatesPerInvoke = 1024;
    private readonly byte[] _packet = new byte[1500];
    private ushort _checksum = 0x1234;

    [GlobalSetup]
    public void Setup() => new Random(2).NextBytes(_packet);

    [Benchmark(OperationsPerInvoke = UpdatesPerInvoke)]
    public ushort IncrementalAddressUpdate()
    {
        var checksum = _checksum;
        for (uint i = 0; i < UpdatesPerInvoke; i++)
        {
            checksum = IncrementalChecksum.Update(checksum, 0xC0A8010Au + i, 0xCB007101u);
        }

        _checksum = checksum;
        return checksum;
    }

    [Benchmark]
    public ushort Full1500Bytes() => InternetChecksum.Compute(_packet);

    [Benchmark]
    public uint Crc32c1500Bytes() => Crc32c.Compute(_packet);
}
