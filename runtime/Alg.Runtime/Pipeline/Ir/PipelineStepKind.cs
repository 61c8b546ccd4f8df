namespace Alg.Runtime.Pipeline.Ir;

/// <summary>The steps a packet takes through the pipeline, in the order an ingress plan lists them.</summary>
public enum PipelineStepKind
{
    /// <summary>The ACL applied inbound on the arrival interface.</summary>
    InboundAcl,

    /// <summary>Look the packet up in the flow table; an existing flow skips rule selection.</summary>
    FlowLookup,

    /// <summary>A new flow that matches an ALG's pinhole becomes that pinhole's flow.</summary>
    PinholeMatch,

    /// <summary>Pick the NAT rule for a new flow and create its translation.</summary>
    NatRuleSelection,

    /// <summary>The ACL applied outbound on the exit interface.</summary>
    OutboundAcl,

    /// <summary>Hand the payload to the ALG registered for the flow's protocol and port.</summary>
    AlgDispatch,
}
