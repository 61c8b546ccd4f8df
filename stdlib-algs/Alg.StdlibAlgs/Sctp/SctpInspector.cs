using Alg.Runtime.Flows;

namespace Alg.StdlibAlgs.Sctp;

/// <summary>
/// The stateful checks (RFC 9260 §8.5, §8.5.1, §6.10, §5.1, §4; the rules Linux's tracker enforces, algs.md §11.2): a
/// packet carries its receiver's verification tag, with the exceptions INIT (tag 0), ABORT and SHUTDOWN COMPLETE with T
/// set (the sender's own tag) and INIT ACK (the INIT's tag); INIT, INIT ACK and SHUTDOWN COMPLETE come alone, COOKIE
/// ECHO and COOKIE ACK first; each chunk only in the states that allow it. What breaks a rule is refused with its class.
/// </summary>
internal static class SctpInspector
{
    public const string NoAssociation = "SCTP: no association: a first packet that is not an INIT (RFC 9260 §8.4)";
    public const string BadTag = "SCTP: a verification tag that is not the association's (RFC 9260 §8.5, §8.5.1)";
    public const string WrongState = "SCTP: a chunk the association's state does not allow (RFC 9260 §4, §5.1)";
    public const string Bundling = "SCTP: INIT, INIT ACK or SHUTDOWN COMPLETE not alone, or COOKIE ECHO or COOKIE ACK not first (RFC 9260 §6.10, §5.1)";
    public const string BadChecksum = "SCTP: a CRC32c that does not match the packet (RFC 9260 §6.8)";

    /// <returns>Null when the packet passes (the association's state moved on), or the class of the rule it breaks.</returns>
    public static string? Inspect(SctpAssociation association, FlowSide arrival, uint tag, ReadOnlySpan<byte> packet, ReadOnlySpan<SctpChunk> chunks)
    {
        for (var i = 0; i < chunks.Length; i++)
        {
            var type = chunks[i].Type;
            if ((type is SctpChunkType.Init or SctpChunkType.InitAck or SctpChunkType.ShutdownComplete && chunks.Length > 1)
                || (type is SctpChunkType.CookieEcho or SctpChunkType.CookieAck && i > 0))
            {
                return Bundling;
            }
        }

        var first = chunks[0];
        return first.Type switch
        {
            SctpChunkType.Init => OnInit(association, arrival, tag, SctpPacketParser.InitiateTag(packet, in first)),
            SctpChunkType.InitAck => OnInitAck(association, arrival, tag, SctpPacketParser.InitiateTag(packet, in first)),
            _ => OnOthers(association, arrival, tag, chunks),
        };
    }

    private static string? OnInit(SctpAssociation association, FlowSide arrival, uint tag, uint initiateTag)
    {
        // §8.5.1 (A): an INIT carries tag 0; §3.3.2: its Initiate Tag is never 0.
        if (tag != 0 || initiateTag == 0)
        {
            return BadTag;
        }

        if (association.State is SctpAssociationState.None or SctpAssociationState.Closed or SctpAssociationState.CookieWait or SctpAssociationState.InitAcknowledged)
        {
            // A new association, a retransmitted INIT, or both ends' INITs crossing (§5.2.4).
            if (association.State is SctpAssociationState.None or SctpAssociationState.Closed)
            {
                association.ForgetTags();
            }

            association.SetTagOf(arrival, initiateTag);
            association.Initiator = arrival;
            association.State = SctpAssociationState.CookieWait;
            return null;
        }

        // An INIT on a set-up association is a restart or a stray (§5.2.2): it passes, the association keeps its tags
        // until the other end's INIT ACK names this INIT's tag.
        association.PendingRestartTag = initiateTag;
        association.PendingRestartSide = arrival;
        association.HasPendingRestart = true;
        return null;
    }

    private static string? OnInitAck(SctpAssociation association, FlowSide arrival, uint tag, uint initiateTag)
    {
        if (initiateTag == 0)
        {
            return BadTag;
        }

        if (association.HasPendingRestart && arrival != association.PendingRestartSide)
        {
            if (tag != association.PendingRestartTag)
            {
                return BadTag;
            }

            association.HasPendingRestart = false;
            association.ForgetTags();
            association.SetTagOf(association.PendingRestartSide, association.PendingRestartTag);
            association.SetTagOf(arrival, initiateTag);
            association.Initiator = association.PendingRestartSide;
            association.State = SctpAssociationState.InitAcknowledged;
            return null;
        }

        if (association.State is not (SctpAssociationState.CookieWait or SctpAssociationState.InitAcknowledged) || arrival == association.Initiator)
        {
            return WrongState;
        }

        // §8.5.1 (B) in reverse: the INIT ACK carries the INIT's Initiate Tag.
        if (!association.ExpectedTag(arrival, out var expected) || tag != expected)
        {
            return BadTag;
        }

        association.SetTagOf(arrival, initiateTag);
        association.State = SctpAssociationState.InitAcknowledged;
        return null;
    }

    private static string? OnOthers(SctpAssociation association, FlowSide arrival, uint tag, ReadOnlySpan<SctpChunk> chunks)
    {
        if (association.State == SctpAssociationState.None)
        {
            return NoAssociation;
        }

        // §8.5.1 (B), (C): ABORT and SHUTDOWN COMPLETE with T set carry the sender's own tag.
        var reflected = false;
        foreach (var chunk in chunks)
        {
            reflected |= chunk.TagReflected;
        }

        var known = reflected ? association.OwnTag(arrival, out var expected) : association.ExpectedTag(arrival, out expected);
        if (!known || tag != expected)
        {
            return BadTag;
        }

        var state = association.State;
        foreach (var chunk in chunks)
        {
            var next = Next(association, state, arrival, chunk.Type);
            if (next is null)
            {
                return WrongState;
            }

            state = next.Value;
        }

        association.State = state;
        return null;
    }

    /// <summary>The state after one chunk, or null when the state does not allow it.</summary>
    private static SctpAssociationState? Next(SctpAssociation association, SctpAssociationState state, FlowSide arrival, SctpChunkType type)
    {
        var fromInitiator = arrival == association.Initiator;
        switch (type)
        {
            case SctpChunkType.Abort:
                return SctpAssociationState.Closed;
            case SctpChunkType.CookieEcho:
                return fromInitiator && state == SctpAssociationState.InitAcknowledged ? SctpAssociationState.CookieEchoed
                    : state is SctpAssociationState.CookieEchoed or SctpAssociationState.Established ? state
                    : null;
            case SctpChunkType.CookieAck:
                return !fromInitiator && state == SctpAssociationState.CookieEchoed ? SctpAssociationState.Established
                    : state == SctpAssociationState.Established ? state
                    : null;
            case SctpChunkType.Shutdown:
                if (state is SctpAssociationState.Established)
                {
                    association.ShuttingDown = arrival;
                    return SctpAssociationState.ShutdownSent;
                }

                return state == SctpAssociationState.ShutdownSent ? state : null;
            case SctpChunkType.ShutdownAck:
                // A SHUTDOWN ACK after the association closed is one whose SHUTDOWN COMPLETE was lost (§8.4 (5)).
                return state is SctpAssociationState.ShutdownSent or SctpAssociationState.ShutdownAckSent ? SctpAssociationState.ShutdownAckSent
                    : state == SctpAssociationState.Closed ? state
                    : null;
            case SctpChunkType.ShutdownComplete:
                return state is SctpAssociationState.ShutdownAckSent or SctpAssociationState.Closed ? SctpAssociationState.Closed : null;
            case SctpChunkType.Error:
                // An ERROR may answer an INIT or a COOKIE ECHO (§3.3.10).
                return state is SctpAssociationState.Closed ? null : state;
            default:
                // DATA, SACK, HEARTBEAT and the extensions: once COOKIE ECHO may carry DATA (§5.1 D) until the shutdown ends.
                return state is SctpAssociationState.CookieEchoed or SctpAssociationState.Established or SctpAssociationState.ShutdownSent or SctpAssociationState.ShutdownAckSent
                    ? state
                    : null;
        }
    }
}
