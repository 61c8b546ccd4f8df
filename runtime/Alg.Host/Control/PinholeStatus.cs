using System.Globalization;
using Alg.Policy.Model;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;

namespace Alg.Host.Control;

/// <summary>One open pinhole as <c>alg status</c> lists it: whose it is, what first packet it admits and where to, who may
/// send it, how long it has left, and — for one open to any peer — why (a map entry says which mapper gates it).</summary>
/// <param name="Arrives">The side its first packet arrives on.</param>
/// <param name="Expects">The destination that first packet carries (address:port).</param>
/// <param name="Delivers">Where the admitted connection goes.</param>
/// <param name="Peer">Who may send it: an address, address:port, <c>any</c>, or for a map entry the mapper whose ACL
/// permission it takes.</param>
public sealed record PinholeStatus(string Alg, string Protocol, string Arrives, string Expects, string Delivers, string Peer, long ExpiresInSeconds, string? Reason)
{
    /// <summary>The most pinholes one status lists (the counts cover the rest).</summary>
    public const int MaxListed = 64;

    /// <summary>The open pinholes of a gateway's engine, at packet time <paramref name="now"/>.</summary>
    public static IReadOnlyList<PinholeStatus> From(NatEngine nat, long now)
    {
        ArgumentNullException.ThrowIfNull(nat);
        var names = new Dictionary<int, string>();
        foreach (var plan in nat.Algs?.Plans ?? [])
        {
            if (plan is not null)
            {
                names[plan.OwnerTag] = plan.Name;
            }
        }

        var list = new List<PinholeStatus>();
        foreach (var (spec, expiresAt) in nat.Expectations.List(now, MaxListed))
        {
            var proxy = spec.AdmitLike;
            var peer = proxy.IsSet
                ? $"any the ACL lets reach {Endpoint(proxy.Address, proxy.Port)}/{ProtocolName(proxy.Protocol)}"
                : spec.Peer.AnyAddress ? "any"
                : spec.Peer.AnyPort ? new Ipv4Address(spec.Peer.Address).ToString() : Endpoint(spec.Peer.Address, spec.Peer.Port);
            list.Add(new PinholeStatus(
                names.GetValueOrDefault(spec.OwnerTag, "-"),
                ProtocolName(spec.Protocol),
                spec.ArrivalSide == FlowSide.Inside ? "inside" : "outside",
                Endpoint(spec.LocalAddress, spec.LocalPort),
                Endpoint(spec.TranslatedAddress, spec.TranslatedPort),
                peer,
                expiresAt == long.MaxValue ? -1 : (expiresAt - now) / NatTimeouts.Second,
                spec.Peer.WildcardReason));
        }

        return list;
    }

    private static string Endpoint(uint address, ushort port) => string.Create(CultureInfo.InvariantCulture, $"{new Ipv4Address(address)}:{port}");

    private static string ProtocolName(byte protocol) =>
        protocol == IpProtocol.Tcp ? "tcp" : protocol == IpProtocol.Udp ? "udp" : protocol.ToString(CultureInfo.InvariantCulture);
}
