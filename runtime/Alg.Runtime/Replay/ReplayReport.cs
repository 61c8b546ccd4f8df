using Alg.Runtime.Packets;

namespace Alg.Runtime.Replay;

/// <summary>What a replay did: packets in and out, drops by reason, flows and pinholes.</summary>
public sealed record ReplayReport(
    long PacketsIn,
    long Forwarded,
    long Translated,
    long Held,
    long SkippedOtherLinkType,
    IReadOnlyDictionary<DropReason, long> Dropped,
    long FlowsCreated,
    long FlowsExpired,
    long PinholesOpened,
    long PinholesUsed,
    long PinholesExpired)
{
    public long DroppedTotal => Dropped.Values.Sum();
}
