namespace Alg.Runtime.Flows;

/// <summary>Bookkeeping bits of a <see cref="FlowEntry"/>.</summary>
[Flags]
public enum FlowEntryFlags : byte
{
    None = 0,
    InUse = 1,
    FinFromOriginal = 2,
    FinFromReply = 4,

    /// <summary>The flow's source (original direction) is translated.</summary>
    SourceTranslated = 8,

    /// <summary>The flow's destination (original direction) is translated.</summary>
    DestinationTranslated = 16,

    /// <summary>Created by a pinhole (the ALG's expected flow).</summary>
    FromExpectation = 32,

    /// <summary>The ALG stage holds state for this flow (TCP stream and seq/ack offsets, or a session).</summary>
    AlgState = 64,

    /// <summary>Created by a pinhole that names the ALG to inspect it (<see cref="ExpectationSpec.InspectedBy"/>); cleared
    /// once the ALG stage has taken the flow on.</summary>
    InspectorAssigned = 128,
}
