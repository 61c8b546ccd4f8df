using Alg.Runtime.Algs;

namespace Alg.Runtime.Tests.Support;

/// <summary>The mutation and re-segmentation every ALG fuzz test uses, so each test states only its seeds and what
/// it checks.</summary>
public static class Fuzz
{
    /// <summary>Up to three edits: a random byte, a byte removed, a byte of <paramref name="alphabet"/> inserted (the
    /// protocol's delimiters and digits reach the interesting branches), a run removed, or a piece of the input repeated.
    /// With <paramref name="headerBytes"/>, half the edits land in that many leading bytes (binary headers).</summary>
    public static byte[] Mutate(Random random, byte[] input, ReadOnlySpan<byte> alphabet, int headerBytes = 0)
    {
        var data = new List<byte>(input);
        for (var edits = random.Next(0, 4); edits > 0 && data.Count > 0; edits--)
        {
            var at = headerBytes > 0 && random.Next(2) == 0 ? random.Next(Math.Min(headerBytes, data.Count)) : random.Next(data.Count);
            switch (random.Next(5))
            {
                case 0:
                    data[at] = (byte)random.Next(256);
                    break;
                case 1:
                    data.RemoveAt(at);
                    break;
                case 2:
                    data.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 3:
                    data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 12)));
                    break;
                default:
                    var from = random.Next(input.Length);
                    data.InsertRange(at, input.AsSpan(from, Math.Min(8, input.Length - from)).ToArray());
                    break;
            }
        }

        return [.. data];
    }

    /// <summary>Sends <paramref name="stream"/> in random segments of 1 to 119 bytes and checks each: forwarded (no
    /// option is configured, so the ALG drops nothing on its own), valid checksums, and no pinhole from a segment the ALG
    /// reported malformed.</summary>
    public static void SendSegmented(Random random, byte[] stream, Func<byte[], SentPacket> send, AlgCounters counters, int iteration)
    {
        var position = 0;
        while (position < stream.Length)
        {
            var length = Math.Min(stream.Length - position, random.Next(1, 120));
            var segment = stream.AsSpan(position, length).ToArray();
            position += length;
            var malformedBefore = counters.Malformed;
            var openedBefore = counters.PinholesOpened;
            var sent = send(segment);
            Assert.True(sent.Forwarded, $"iteration {iteration}: dropped {sent.Verdict.Reason}");
            Assert.True(PacketBuilder.ChecksumsValid(sent.Frame), $"iteration {iteration}: bad checksum");
            if (counters.Malformed != malformedBefore)
            {
                Assert.Equal(openedBefore, counters.PinholesOpened);
            }
        }
    }
}
