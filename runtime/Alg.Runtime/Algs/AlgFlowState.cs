using Alg.Runtime.Flows;
using Alg.Runtime.Reassembly;

namespace Alg.Runtime.Algs;

/// <summary>An ALG flow's state on the stage: its ALG, the ALG's session and, for TCP, streams and seq offsets.</summary>
/// <remarks>Created once per flow (not per packet); UDP flows of stateless ALGs never get one.</remarks>
internal sealed class AlgFlowState
{
    public AlgFlowState(AlgPlanEntry plan, object? session, byte protocol, ushort servicePort, bool assigned, int streamCapacity, ReassemblyBudget budget)
    {
        Plan = plan;
        Assigned = assigned;
        Session = session;
        Protocol = protocol;
        ServicePort = servicePort;
        if (protocol == Packets.IpProtocol.Tcp)
        {
            Streams = [new TcpStreamReassembler(streamCapacity, budget), new TcpStreamReassembler(streamCapacity, budget)];
            Offsets = [new SequenceOffsetTracker(), new SequenceOffsetTracker()];
        }
    }

    /// <summary>The flow's protocol and service port: what dispatched it, checked again on every reconfiguration.</summary>
    public byte Protocol { get; }

    public ushort ServicePort { get; }

    /// <summary>A pinhole named the ALG (<see cref="Flows.ExpectationSpec.InspectedBy"/>): the flow stays with that ALG
    /// while it is enabled, whatever its ports.</summary>
    public bool Assigned { get; }

    /// <summary>The connection whose pinhole admitted this flow (default: none), and that pinhole's group.</summary>
    public Flows.FlowId AdmittedBy { get; init; }

    public long AdmittedGroup { get; init; }

    /// <summary>The ALG that owns the flow (re-pointed by <see cref="AlgStage.Reconfigure"/>).</summary>
    public AlgPlanEntry Plan { get; set; }

    public object? Session { get; }

    /// <summary>TCP: per direction (<see cref="AlgDirection"/> as index) the in-order bytes not yet consumed.</summary>
    public TcpStreamReassembler[]? Streams { get; }

    /// <summary>TCP: per direction the sequence shift the ALG's length changes caused (RFC 2663 §7.1).</summary>
    public SequenceOffsetTracker[]? Offsets { get; }

    /// <summary>True once any length change was recorded: from then on every segment's seq/ack is shifted.</summary>
    public bool Shifted { get; set; }

    /// <summary>The ALG gave up on this connection; offsets still apply.</summary>
    public bool Stopped { get; set; }

    /// <summary>TCP: per direction, a message start whose bytes are held back until the message is whole.</summary>
    public bool[] Holding { get; } = new bool[2];

    /// <summary>TCP: per direction, the original sequence number of the first held byte.</summary>
    public uint[] HeldSequence { get; } = new uint[2];

    /// <summary>TCP: per direction, the same-length edits already sent, replayed into retransmissions (created at the
    /// first such edit).</summary>
    public SentEditLog?[] SentEdits { get; } = new SentEditLog?[2];

    /// <summary>A configured policy dropped the connection: every later packet is dropped too.</summary>
    public bool Dropping { get; set; }

    /// <summary>GRE tunnels opened for this control connection and not closed yet: they go with it.</summary>
    public List<GreTunnelSpec>? Tunnels { get; set; }

    public void Release()
    {
        if (Streams is not null)
        {
            Streams[0].Reset();
            Streams[1].Reset();
        }
    }
}
