using Alg.Runtime.Algs;

namespace Alg.StdlibAlgs.Sctp;

/// <summary>One flow (one path) of SCTP: the association it belongs to, once an INIT made one or the flow joined one.</summary>
internal sealed class SctpSession(SctpAssociations associations) : IEndingAlgSession
{
    public SctpAssociation? Association { get; private set; }

    /// <summary>The idle time last given to the flow, plus one (0: none given yet), so it is set only when it changes.</summary>
    public uint IdleSet { get; set; }

    public void Join(SctpAssociation association, bool isNew)
    {
        if (ReferenceEquals(Association, association))
        {
            return;
        }

        Leave();
        Association = association;
        association.Paths++;
        if (isNew)
        {
            associations.Add(association);
        }
    }

    public void Ended() => Leave();

    private void Leave()
    {
        if (Association is { } old)
        {
            associations.Release(old);
            Association = null;
        }
    }
}
