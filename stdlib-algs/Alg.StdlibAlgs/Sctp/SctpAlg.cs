using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.StdlibAlgs.Sctp;

/// <summary>
/// SCTP stateful inspection (RFC 9260; algs.md §11): every SCTP packet, whatever its ports, is checked against its
/// association — CRC32c, well-formed chunks, verification tags with the RFC's exceptions, chunks in the states that
/// allow them — and one that breaks a rule is dropped and counted by its class (the stage's policy drops by reason).
/// The association's state sets its flow's idle time: the policy's SCTP timeout once established, a short one while it
/// is set up or shut down. Multi-homed addresses in INIT and INIT ACK are handled under NAT
/// (<see cref="SctpAddressRewriter"/>), and a peer's other path joins its association.
/// </summary>
/// <remarks>The runtime keys SCTP flows by ports and recomputes the CRC32c when a port or a payload byte changes (a
/// wrong one stays as wrong); an association is its ports and its two verification tags, which this inspector holds.</remarks>
public sealed class SctpAlg : IAlgHandler
{
    private readonly SctpAssociations _associations = new();

    public AlgDescriptor Descriptor => SctpAlgDescriptor.Instance;

    /// <summary>Associations the stage's flows hold now.</summary>
    public int Associations => _associations.Count;

    public object? CreateSettings(in AlgSettingsSource source) => new SctpSettings(in source);

    public object? CreateSession(in AlgFlowContext context) => context.Protocol == IpProtocol.Sctp ? new SctpSession(_associations) : null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is not SctpSession session)
        {
            return;
        }

        Span<SctpChunk> chunks = stackalloc SctpChunk[SctpSettings.MaxChunks];
        var status = SctpPacketParser.Parse(data, chunks, out var count, out var error);
        if (status != SctpParseStatus.Complete)
        {
            Refuse(session, status == SctpParseStatus.Incomplete ? SctpPacketParser.Describe(SctpParseError.ChunkLength) : SctpPacketParser.Describe(error), ref output);
            return;
        }

        if (PacketRewriter.SctpChecksumError(data) != 0)
        {
            Refuse(session, SctpInspector.BadChecksum, ref output);
            return;
        }

        chunks = chunks[..count];
        var tag = SctpPacketParser.VerificationTag(data);
        var association = session.Association ?? Join(in context, session, tag, chunks[0]);
        if (association is null)
        {
            Refuse(session, SctpInspector.NoAssociation, ref output);
            return;
        }

        var before = association.State;
        if (SctpInspector.Inspect(association, context.ArrivalSide, tag, data, chunks) is { } refused)
        {
            output.RequestDrop(refused, wholeConnection: false);
            return;
        }

        var first = chunks[0];
        if (first.Type is SctpChunkType.Init or SctpChunkType.InitAck)
        {
            if (context.ArrivalSide == FlowSide.Inside)
            {
                SctpAddressRewriter.FromInside(in context, data, in first, ref output);
            }
            else
            {
                SctpAddressRewriter.FromOutside(in context, association, context.SettingsAs<SctpSettings>(), data, in first, ref output);
            }
        }

        if (association.State != before || session.IdleSet == 0)
        {
            var idle = association.State == SctpAssociationState.Established ? 0u : SctpSettings.TransitionSeconds;
            if (session.IdleSet != idle + 1)
            {
                output.IdleSeconds = idle;
                session.IdleSet = idle + 1;
            }
        }
    }

    /// <summary>The association of a flow's first packet: a new one for an INIT, else the one another path of it made.</summary>
    private SctpAssociation? Join(in AlgFlowContext context, SctpSession session, uint tag, in SctpChunk first)
    {
        if (first.Type == SctpChunkType.Init)
        {
            var created = new SctpAssociation(context.Inside.Address, context.Inside.Port, context.Remote.Port);
            created.AddPeerAddress(context.Remote.Address);
            session.Join(created, isNew: true);
            return created;
        }

        var found = _associations.FindForPath(context.Inside.Address, context.Inside.Port, context.Remote.Port, context.Remote.Address, tag);
        if (found is not null)
        {
            session.Join(found, isNew: false);
        }

        return found;
    }

    /// <summary>Drops an anomalous packet; a flow that never had an association lives only briefly.</summary>
    private static void Refuse(SctpSession session, string reason, ref AlgOutput output)
    {
        output.RequestDrop(reason, wholeConnection: false);
        if (session.Association is null && session.IdleSet == 0)
        {
            output.IdleSeconds = SctpSettings.TransitionSeconds;
            session.IdleSet = SctpSettings.TransitionSeconds + 1;
        }
    }
}
