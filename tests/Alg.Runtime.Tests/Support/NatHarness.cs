using Alg.Policy.Model;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

/// <summary>Runs frames through a <see cref="NatEngine"/> and hands back the rewritten frame with its verdict.</summary>
public sealed class NatHarness
{
    public const long Second = 1_000_000_000L;

    public NatHarness(PolicyModel policy, NatEngineOptions? options = null)
    {
        Engine = TestEngines.Nat(policy, options ?? new NatEngineOptions(FlowCapacity: 4096, MappingCapacity: 4096));
    }

    public NatEngine Engine { get; }

    public (NatVerdict Verdict, byte[] Frame, PacketInfo Info) Send(byte[] frame, long seconds, IngressSide side = IngressSide.Auto) =>
        SendAt(frame, seconds * Second, side);

    public (NatVerdict Verdict, byte[] Frame, PacketInfo Info) SendAt(byte[] frame, long now, IngressSide side = IngressSide.Auto)
    {
        var buffer = new byte[Math.Max(frame.Length, 65535 + 64)];
        frame.CopyTo(buffer, 0);
        var packet = new PacketBuffer(buffer, 0, frame.Length, buffer.Length);
        PacketDecoder.Decode(packet.Span, LinkType.Ethernet, out var info);
        var verdict = Engine.Process(ref packet, ref info, now, side);
        return (verdict, packet.Span.ToArray(), info);
    }
}
