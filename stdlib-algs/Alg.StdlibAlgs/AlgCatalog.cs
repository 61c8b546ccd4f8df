using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs;

/// <summary>Every ALG of the standard library, by canonical name and by each dialect's vendor names.</summary>
/// <remarks>The binder and lint learn ALG names, ports and option ranges only from here.</remarks>
public static class AlgCatalog
{
    public static readonly IReadOnlyList<AlgDescriptor> All =
    [
        Sip.SipAlgDescriptor.Instance,
        H323.H323Q931AlgDescriptor.Instance,
        H323.H323H245AlgDescriptor.Instance,
        H323.H323RasAlgDescriptor.Instance,
        Rtsp.RtspAlgDescriptor.Instance,
        Mgcp.MgcpAlgDescriptor.Instance,
        SunRpc.SunRpcAlgDescriptor.Instance,
        MsRpc.MsRpcAlgDescriptor.Instance,
        Pptp.PptpAlgDescriptor.Instance,
        Sctp.SctpAlgDescriptor.Instance,
        SqlNet.SqlNetAlgDescriptor.Instance,
        AppleIChat.AppleIChatAlgDescriptor.Instance,
        IpsecNat.IpsecNatAlgDescriptor.Instance,
        Ftp.FtpAlgDescriptor.Instance,
        Tftp.TftpAlgDescriptor.Instance,
        Dns.DnsAlgDescriptor.Instance,
        Skinny.SkinnyAlgDescriptor.Instance,
        Rsh.RshAlgDescriptor.Instance,
        Esmtp.EsmtpAlgDescriptor.Instance,
        Xdmcp.XdmcpAlgDescriptor.Instance,
        NetBios.NetBiosAlgDescriptor.Instance,
        Ldap.LdapAlgDescriptor.Instance,
        Ctiqbe.CtiqbeAlgDescriptor.Instance,
        Gtp.GtpAlgDescriptor.Instance,
        Http.HttpAlgDescriptor.Instance,
        Icmp.IcmpAlgDescriptor.Instance,
        IcmpError.IcmpErrorAlgDescriptor.Instance,
        IpOptions.IpOptionsAlgDescriptor.Instance,
        Mmp.MmpAlgDescriptor.Instance,
        Snmp.SnmpAlgDescriptor.Instance,
        Waas.WaasAlgDescriptor.Instance,
    ];

    // Plain dictionaries keyed by strings: every `alg lint` process builds these at start, and generic collections over
    // value-tuple keys (FrozenDictionary<(Dialect, string), …>) cannot be precompiled by ReadyToRun, so they cost JIT
    // time on every run (issue #10's whole-process lint target).
    private static readonly Dictionary<string, AlgDescriptor> ByName = BuildByName();

    private static readonly Dictionary<string, AlgDescriptor> ByAlias = BuildByAlias();

    public static AlgDescriptor Get(string name) =>
        ByName.TryGetValue(name, out var descriptor) ? descriptor : throw new KeyNotFoundException($"no ALG named '{name}'");

    public static AlgDescriptor? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Resolves a dialect's name for an ALG (ASA "h323 h225", ScreenOS "sql") to its descriptor.</summary>
    public static AlgDescriptor? FindByVendorName(Dialect dialect, string vendorName) =>
        ByAlias.GetValueOrDefault(AliasKey(dialect, vendorName));

    /// <summary>The vendor names a dialect accepts, for "did you mean" suggestions.</summary>
    public static IEnumerable<string> VendorNames(Dialect dialect) =>
        All.SelectMany(a => a.Aliases).Where(a => a.Dialect == dialect).Select(a => a.VendorName);

    private static Dictionary<string, AlgDescriptor> BuildByName()
    {
        var byName = new Dictionary<string, AlgDescriptor>(All.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var descriptor in All)
        {
            byName.Add(descriptor.Name, descriptor);
        }

        return byName;
    }

    private static Dictionary<string, AlgDescriptor> BuildByAlias()
    {
        var byAlias = new Dictionary<string, AlgDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in All)
        {
            foreach (var alias in descriptor.Aliases)
            {
                byAlias.Add(AliasKey(alias.Dialect, alias.VendorName), descriptor);
            }
        }

        return byAlias;
    }

    private static string AliasKey(Dialect dialect, string vendorName) => ((int)dialect).ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + vendorName.ToLowerInvariant();
}
