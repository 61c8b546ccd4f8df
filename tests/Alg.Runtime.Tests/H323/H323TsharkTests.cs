using Alg.Runtime.Nat;
using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.H323;

/// <summary>
/// The generated messages after the H.323 ALGs, as tshark (Wireshark's own H.225.0 / H.245 / RAS dissectors, an
/// independent decoder) reads them: every rewritten message decodes without a malformed or error mark, checksums
/// are valid, and every address it finds in what the inside party sent is public (or the outside party's).
/// </summary>
public sealed class H323TsharkTests
{
    public static TheoryData<FtpEngine> Engines() => new() { FtpEngine.Interpreter, FtpEngine.Compiled };

    [RequiresTsharkTheory]
    [MemberData(nameof(Engines))]
    public void Rewritten_generated_messages_decode_cleanly_in_tshark_and_name_only_public_addresses(FtpEngine engine)
    {
        var gateway = H323Gateway.Create(engine: engine);
        var frames = new List<byte[]>();
        void Keep(SentPacket sent)
        {
            Assert.True(sent.Forwarded);
            frames.Add(sent.Frame);
        }

        var call = H323Gateway.Call(gateway);
        Keep(call.Send(H323Vectors.Get("faststart-setup")));
        Keep(call.Answer(H323Vectors.Get("faststart-connect")));
        var h245 = new ControlConnection(gateway, clientPort: 40001, serverPort: 1300);
        h245.Connect();
        foreach (var vector in new[] { "h245-olc-bidirectional", "h245-olcack-inside", "h245-olc-t120", "h245-close", "h245-endsession" })
        {
            Keep(h245.Send(H323Vectors.Get(vector)));
        }

        var tunnel = H323Gateway.Call(gateway, clientPort: 40002);
        foreach (var vector in new[] { "tunnel-setup", "tunnel-facility-ack", "tunnel-facility-close", "faststart-release" })
        {
            Keep(tunnel.Send(H323Vectors.Get(vector)));
        }

        foreach (var vector in new[] { "ras-grq", "ras-rrq", "ras-arq", "ras-lrq", "ras-urq" })
        {
            Keep(gateway.Udp(AlgHarness.Client, 1719, AlgHarness.Server, 1719, IngressSide.Inside, H323Vectors.Get(vector)));
        }

        Assert.True(string.IsNullOrWhiteSpace(Tshark.BadChecksumFrames(frames, "h323-gen")));
        var decodeAs = new[] { "-d", "tcp.port==1300,tpkt" };
        var broken = Tshark.Query(frames, "h323-gen-broken", [.. decodeAs, "-Y", "_ws.malformed or _ws.expert.severity == error", "-T", "fields", "-e", "frame.number", "-e", "_ws.col.Info"]);
        Assert.True(string.IsNullOrWhiteSpace(broken), $"tshark marks rewritten messages: {broken}");

        var protocols = Tshark.Query(frames, "h323-gen-protocols", [.. decodeAs, "-T", "fields", "-e", "frame.protocols"]);
        Assert.Contains("h225", protocols, StringComparison.Ordinal);
        Assert.Contains("h245", protocols, StringComparison.Ordinal);

        var outbound = frames.Where(frame => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(14 + 12)) == AlgHarness.Public).ToList();
        var addresses = Tshark.Query(outbound, "h323-gen-addr", [.. decodeAs, "-T", "fields", "-E", "separator=,", "-e", "h225.h245Ip", "-e", "h225.ipV4", "-e", "h245.ip4_network"])
            .Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Ip.V4)
            .ToList();
        Assert.Contains(AlgHarness.Public, addresses);
        Assert.DoesNotContain(AlgHarness.Client, addresses);
    }
}
