using Alg.Runtime.Tests.Support;

namespace Alg.Runtime.Tests.H323;

/// <summary>
/// The corpus H.323 capture (nDPI h323.pcap, algs.md §4.8: Setup → Connect with h245Address, a separate H.245
/// connection with OLC/OLCAck both ways, a second call, RAS GRQ/GCF/RRQ/RCF/ARQ/ACF/IRQ/DRQ, an H.460.18 endpoint's
/// registrations) through the three H.323 ALGs with the calling and registering endpoints inside: both engines send
/// the same bytes, tshark finds valid checksums, no new malformed packet, and no inside address left in any address
/// field it decodes in what the inside endpoints send (but the H.460.18 endpoint's, left alone by design); the H.245
/// connection and the media of both directions get through the gateway's pinholes.
/// </summary>
public sealed class H323CorpusTests
{
    private const string Capture = "ntop_nDPI__h323.pcap";

    /// <summary>The Tandberg endpoint of the capture registers with H.460.18 (frame 71): its RAS passes untouched.</summary>
    private static readonly uint TraversalEndpoint = Ip.V4("10.47.208.204");

    public static TheoryData<string> Files() => new() { Capture };

    [RequiresTsharkTheory]
    [MemberData(nameof(Files))]
    public void Corpus_call_replays_byte_identical_on_both_engines_valid_and_with_every_decoded_address_public(string file)
    {
        var interpreterGateway = H323Gateway.Create(engine: FtpEngine.Interpreter);
        var interpreted = H323CorpusReplay.Run(interpreterGateway, file);
        var compiled = H323CorpusReplay.Run(H323Gateway.Create(engine: FtpEngine.Compiled), file);

        Assert.NotEmpty(interpreted.Forwarded);
        Assert.Equal(interpreted.Forwarded.Count, compiled.Forwarded.Count);
        for (var i = 0; i < interpreted.Forwarded.Count; i++)
        {
            Assert.True(interpreted.Forwarded[i].AsSpan().SequenceEqual(compiled.Forwarded[i]), $"{file}: frame {i} differs between the engines");
        }

        foreach (var alg in H323Gateway.Algs)
        {
            Assert.Equal(0, interpreterGateway.Counters(alg).Failures);
        }

        var bad = Tshark.BadChecksumFrames(interpreted.Forwarded, "h323-corpus");
        Assert.True(string.IsNullOrWhiteSpace(bad), $"{file}: frames with bad checksums after the H.323 ALGs: {bad}");

        const string Broken = "_ws.malformed or _ws.expert.severity == error";
        var before = Lines(Tshark.Query(interpreted.Offered, "h323-in", "-Y", Broken, "-T", "fields", "-e", "frame.number")).Count;
        var after = Lines(Tshark.Query(interpreted.Forwarded, "h323-out", "-Y", Broken, "-T", "fields", "-e", "frame.number")).Count;
        Assert.True(after <= before, $"{file}: {after} malformed or erroneous frames after the ALGs, {before} before");

        // What the inside endpoints sent (what leaves towards the outside, from the public address): an outside party's
        // message echoing an inside address it saw untranslated when the capture was made is the capture's, not ours.
        var outbound = interpreted.Forwarded.Where(frame => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(14 + 12)) == AlgHarness.Public).ToList();
        var decoded = Lines(Tshark.Query(outbound, "h323-addr", "-T", "fields", "-E", "separator=,", "-e", "h225.h245Ip", "-e", "h225.ipV4", "-e", "h245.ip4_network"))
            .SelectMany(line => line.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Select(Ip.V4)
            .ToList();
        Assert.Contains(AlgHarness.Public, decoded);
        var leaked = decoded.Where(a => interpreted.InsideHosts.Contains(a) && a != TraversalEndpoint).Distinct().ToList();
        if (leaked.Count > 0)
        {
            var filter = string.Join(" or ", leaked.Select(a => $"h225.ipV4 == {new Alg.Policy.Model.Ipv4Address(a)} or h225.h245Ip == {new Alg.Policy.Model.Ipv4Address(a)} or h245.ip4_network == {new Alg.Policy.Model.Ipv4Address(a)}"));
            var where = Tshark.Query(outbound, "h323-leak", "-Y", filter, "-T", "fields", "-e", "frame.number", "-e", "_ws.col.Info");
            Assert.Fail($"{file}: inside addresses left in H.225.0/H.245 fields: {string.Join(", ", leaked.Select(a => new Alg.Policy.Model.Ipv4Address(a)))} in {where}");
        }
    }

    [Fact]
    public void Corpus_call_opens_the_h245_connection_and_media_both_ways_through_pinholes()
    {
        var gateway = H323Gateway.Create();

        var result = H323CorpusReplay.Run(gateway, Capture);

        Assert.Equal(0, result.DroppedFromOutside);
        Assert.True(gateway.Counters("h323-q931").PinholesOpened >= 1);
        Assert.True(gateway.Counters("h323-h245").Inspected > 0);
        Assert.True(gateway.Counters("h323-h245").PinholesOpened >= 2);
        Assert.True(gateway.Counters("h323-ras").RewritesApplied > 0);
        Assert.Equal(0, gateway.Counters("h323-h245").Malformed);
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
