namespace Alg.Runtime.Pipeline.Ir;

/// <summary>The steps a packet takes through the pipeline, in the order an ingress plan lists them.</summary>
/// <remarks>Steps marked "new flow" act only on a packet no flow knows yet; the others on every packet. Both ingress
/// plans hold the same every-packet steps in the same order, so a packet whose flow turns out to belong to the other
/// side (an untranslated flow's reply) is handled alike by either plan.</remarks>
public enum PipelineStepKind
{
    /// <summary>Look the packet up in the flow table (both sides' keys when the arrival side is a guess).</summary>
    FlowLookup,

    /// <summary>The ACL applied inbound on the arrival interface: the packet that opens a connection, or every packet
    /// where the interface's <see cref="AclMode"/> says so.</summary>
    InboundAcl,

    /// <summary>New flow from inside: the state limits, then the first NAT rule that selects it and its source translation.</summary>
    NatRuleSelection,

    /// <summary>New flow from outside: only a TCP SYN may open state from outside.</summary>
    OutsideOpenerCheck,

    /// <summary>New flow: an ALG's pinhole that expects it decides its destination (and, from outside, its real host).</summary>
    PinholeMatch,

    /// <summary>New flow from outside: port forwards, static mappings, then live dynamic mappings and their filtering.</summary>
    InboundTranslation,

    /// <summary>New flow: hairpinning, the state limits, the flow and its mapping recorded.</summary>
    CreateFlow,

    /// <summary>TCP state and the flow's idle timer.</summary>
    TrackConnection,

    /// <summary>New flow: the inbound ACL of an interface that names real (untranslated) destinations (ASA 8.3+).</summary>
    RealAddressAcl,

    /// <summary>The ACL applied outbound on the exit interface.</summary>
    OutboundAcl,

    /// <summary>Rewrite addresses and ports to the other direction's tuple, with incremental checksums.</summary>
    Translate,

    /// <summary>Hand the payload to the ALG that inspects the flow.</summary>
    AlgDispatch,
}
