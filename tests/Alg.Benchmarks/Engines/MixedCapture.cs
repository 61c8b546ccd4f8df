using Alg.Compiler;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Capture;
using Alg.Runtime.Packets;

namespace Alg.Benchmarks.Engines;

/// <summary>The frames of the corpus's mixed SIP/RTP capture held in memory, and the gateway configuration replayed over them.</summary>
public static class MixedCapture
{
    public const string Config =
        "interface gl0\n ip address 192.168.1.1 255.255.255.0\n ip nat inside\n ip access-group LAN-IN in\n" +
        "interface gw0\n ip address 203.0.113.1 255.255.255.0\n ip nat outside\n" +
        "ip access-list extended LAN-IN\n deny udp any any eq 1900\n permit ip any any\n" +
        "access-list 1 permit any\nip nat inside source list 1 interface gw0 overload\n";

    public static PolicyModel Policy() =>
        ConfigurationLoader.Load(new SourceText("bench.cfg", Config)).Policy ?? throw new InvalidOperationException("bench config has errors");

    public static (byte[][] Frames, long[] Timestamps, LinkType LinkType) Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alg.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? ".", "..", "shared", "corpus", "pcaps", "sipcapture_heplify__rtp_rtcp_sip_ipv4_udp.pcap");
        var frames = new List<byte[]>();
        var timestamps = new List<long>();
        var linkType = LinkType.Ethernet;
        using var reader = CaptureReader.Open(path);
        while (reader.TryRead(out var record))
        {
            frames.Add(record.Data.ToArray());
            timestamps.Add(record.TimestampNanoseconds);
            linkType = record.LinkType;
        }

        return ([.. frames], [.. timestamps], linkType);
    }
}
