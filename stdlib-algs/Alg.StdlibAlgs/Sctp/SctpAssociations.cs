namespace Alg.StdlibAlgs.Sctp;

/// <summary>
/// The associations of one stage by their inside end and the outside port, so a flow on another path of a multi-homed
/// association (a peer's other address) joins the association its INIT made instead of being taken for a stray packet.
/// </summary>
internal sealed class SctpAssociations
{
    private readonly Dictionary<(uint Inside, ushort InsidePort, ushort RemotePort), List<SctpAssociation>> _byEnds = [];

    public int Count { get; private set; }

    public void Add(SctpAssociation association)
    {
        var key = (association.InsideAddress, association.InsidePort, association.RemotePort);
        if (!_byEnds.TryGetValue(key, out var list))
        {
            list = [];
            _byEnds[key] = list;
        }

        list.Add(association);
        Count++;
    }

    /// <summary>The association a packet from another path belongs to: same ends and ports, the peer's address one the
    /// association listed, and the tag the packet carries one of the association's.</summary>
    public SctpAssociation? FindForPath(uint insideAddress, ushort insidePort, ushort remotePort, uint remoteAddress, uint tag)
    {
        if (!_byEnds.TryGetValue((insideAddress, insidePort, remotePort), out var list))
        {
            return null;
        }

        foreach (var association in list)
        {
            if (association.PeerAddresses.Contains(remoteAddress)
                && ((association.HasTagToInside && association.TagToInside == tag) || (association.HasTagToOutside && association.TagToOutside == tag)))
            {
                return association;
            }
        }

        return null;
    }

    /// <summary>A path's flow ended; the association goes with its last one.</summary>
    public void Release(SctpAssociation association)
    {
        if (--association.Paths > 0)
        {
            return;
        }

        var key = (association.InsideAddress, association.InsidePort, association.RemotePort);
        if (_byEnds.TryGetValue(key, out var list) && list.Remove(association))
        {
            Count--;
            if (list.Count == 0)
            {
                _byEnds.Remove(key);
            }
        }
    }
}
