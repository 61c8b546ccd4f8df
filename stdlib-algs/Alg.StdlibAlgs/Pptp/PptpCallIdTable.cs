namespace Alg.StdlibAlgs.Pptp;

/// <summary>
/// The call ids PNSs behind the gateway are known by at each PAC, per public address (algs.md §10.2): two inside PNSs
/// that chose the same call id towards one PAC must not both be told to it, or the PAC's GRE for one reaches the other.
/// One table per stage (its handler), shared by every control connection.
/// </summary>
/// <remarks>A PNS keeps its own id when it is free at that PAC (as NAT keeps ports); otherwise the next free one from a
/// point derived from it, so the choice depends on the traffic only and both engines make it alike. 0 is kept when a PNS
/// chose it (pptp-linux and Windows do) but never handed out in its place.</remarks>
internal sealed class PptpCallIdTable
{
    private readonly HashSet<(uint Public, uint Pac, ushort CallId)> _taken = [];

    public int Count => _taken.Count;

    /// <summary>A public call id for <paramref name="pnsCallId"/> at this PAC, reserved until <see cref="Release"/>.</summary>
    public bool TryReserve(uint publicAddress, uint pac, ushort pnsCallId, out ushort publicCallId)
    {
        if (_taken.Add((publicAddress, pac, pnsCallId)))
        {
            publicCallId = pnsCallId;
            return true;
        }

        var start = (ushort)((pnsCallId * 40503u) + 1);
        for (var i = 0; i < 65536; i++)
        {
            var candidate = (ushort)(start + i);
            if (candidate != 0 && _taken.Add((publicAddress, pac, candidate)))
            {
                publicCallId = candidate;
                return true;
            }
        }

        publicCallId = 0;
        return false;
    }

    public void Release(uint publicAddress, uint pac, ushort publicCallId) => _taken.Remove((publicAddress, pac, publicCallId));
}
