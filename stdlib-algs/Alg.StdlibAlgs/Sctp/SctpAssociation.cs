using Alg.Runtime.Flows;

namespace Alg.StdlibAlgs.Sctp;

/// <summary>
/// One association as the inspector knows it, shared by the flows of its paths (a multi-homed peer's other address is
/// another flow of the same association): the state, and the verification tag each end chose, by the side of the
/// gateway that end is on (RFC 9260 §8.5: a packet carries its receiver's tag).
/// </summary>
internal sealed class SctpAssociation(uint insideAddress, ushort insidePort, ushort remotePort)
{
    /// <summary>Addresses a peer outside may use besides the first one (INIT or INIT ACK address parameters).</summary>
    public const int MaxPeerAddresses = 8;

    private readonly uint[] _peerAddresses = new uint[MaxPeerAddresses];
    private int _peerAddressCount;

    public uint InsideAddress { get; } = insideAddress;

    public ushort InsidePort { get; } = insidePort;

    public ushort RemotePort { get; } = remotePort;

    public SctpAssociationState State { get; set; }

    /// <summary>The tag packets going to the inside end carry (the Initiate Tag the inside end chose).</summary>
    public uint TagToInside { get; private set; }

    public bool HasTagToInside { get; private set; }

    /// <summary>The tag packets going to the outside end carry.</summary>
    public uint TagToOutside { get; private set; }

    public bool HasTagToOutside { get; private set; }

    /// <summary>An INIT on a set-up association (a restart, RFC 9260 §5.2.2): the new tag of its sender, taken when the
    /// other end's INIT ACK carries it; until then the association keeps its tags.</summary>
    public uint PendingRestartTag { get; set; }

    public bool HasPendingRestart { get; set; }

    public FlowSide PendingRestartSide { get; set; }

    /// <summary>The side whose INIT started the association now being set up.</summary>
    public FlowSide Initiator { get; set; }

    /// <summary>The side that sent the first SHUTDOWN.</summary>
    public FlowSide ShuttingDown { get; set; }

    /// <summary>Flows of this association (paths) the stage still holds.</summary>
    public int Paths { get; set; }

    /// <summary>The tag a packet arriving on <paramref name="arrival"/> must carry, and whether it is known yet.</summary>
    public bool ExpectedTag(FlowSide arrival, out uint tag)
    {
        tag = arrival == FlowSide.Inside ? TagToOutside : TagToInside;
        return arrival == FlowSide.Inside ? HasTagToOutside : HasTagToInside;
    }

    /// <summary>The tag of the end that sends from <paramref name="arrival"/> (a reflected tag, T set).</summary>
    public bool OwnTag(FlowSide arrival, out uint tag)
    {
        tag = arrival == FlowSide.Inside ? TagToInside : TagToOutside;
        return arrival == FlowSide.Inside ? HasTagToInside : HasTagToOutside;
    }

    /// <summary>The Initiate Tag of an INIT or INIT ACK from <paramref name="sender"/>: packets to that end carry it.</summary>
    public void SetTagOf(FlowSide sender, uint tag)
    {
        if (sender == FlowSide.Inside)
        {
            TagToInside = tag;
            HasTagToInside = true;
        }
        else
        {
            TagToOutside = tag;
            HasTagToOutside = true;
        }
    }

    public void ForgetTags()
    {
        HasTagToInside = false;
        HasTagToOutside = false;
    }

    public ReadOnlySpan<uint> PeerAddresses => _peerAddresses.AsSpan(0, _peerAddressCount);

    public bool AddPeerAddress(uint address)
    {
        if (PeerAddresses.Contains(address))
        {
            return true;
        }

        if (_peerAddressCount == MaxPeerAddresses)
        {
            return false;
        }

        _peerAddresses[_peerAddressCount++] = address;
        return true;
    }
}
