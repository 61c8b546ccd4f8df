namespace Alg.Runtime.Algs;

/// <summary>Which way a packet travels within its flow, in conntrack terms.</summary>
public enum AlgDirection : byte
{
    /// <summary>From the flow's initiator (e.g. a TFTP client's request to port 69).</summary>
    Original = 0,

    /// <summary>From the flow's responder.</summary>
    Reply = 1,
}
