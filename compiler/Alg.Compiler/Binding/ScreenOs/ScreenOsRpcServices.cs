using System.Collections.Immutable;

namespace Alg.Compiler.Binding;

/// <summary>
/// The predefined ScreenOS services of the RPC ALGs and what each permits of their dynamic connections (names are
/// matched without regard to case, as the device does).
/// </summary>
/// <remarks>
/// [V] algs.md §5.4: MS-RPC-EPM, MS-RPC-ANY, MS-AD, MS-EXCHANGE (and MS-IIS), §6.4: SUN-RPC-PORTMAPPER, SUN-RPC-NFS.
/// [I] The contents: MS-RPC-EPM the endpoint mapper (e1af8308-5d1f-11c9-91a4-08002b14a0fa); MS-EXCHANGE as Junos's
/// junos-ms-rpc-msexchange (database, directory, information store); MS-AD the directory's backup/restore, replication
/// (DRSUAPI), DsRole and DsSetup interfaces ([MS-DRSR], [MS-DSSP]); the SUN-RPC-* program services with the program
/// numbers /etc/rpc gives. MS-IIS and the other members ScreenOS lists are not known to Alg: a policy naming one
/// filters nothing (ALG3032), like any other MS-RPC- or SUN-RPC- name Alg does not know.
/// </remarks>
public static class ScreenOsRpcServices
{
    private static readonly RpcService AdBackupRestore = RpcService.ForUuids("ecec0d70-a603-11d0-96b1-00a0c91ece30", "16e0cf3a-a604-11d0-96b1-00a0c91ece30");
    private static readonly RpcService AdReplication = RpcService.ForUuids("e3514235-4b06-11d1-ab04-00c04fc2dcd2");
    private static readonly RpcService AdRole = RpcService.ForUuids("1cbcad78-df0b-4934-b558-87839ea501c9");
    private static readonly RpcService AdSetup = RpcService.ForUuids("3919286a-b10c-11d0-9ba8-00c04fd92ef5");

    public static readonly IReadOnlyDictionary<string, RpcService> All = new Dictionary<string, RpcService>(StringComparer.OrdinalIgnoreCase)
    {
        ["MS-RPC-EPM"] = JunosRpcApplications.All["junos-ms-rpc-epm"],
        ["MS-RPC-ANY"] = RpcService.AnyInterface,
        ["MS-AD"] = AdBackupRestore.Union(AdReplication).Union(AdRole).Union(AdSetup),
        ["MS-AD-BR"] = AdBackupRestore,
        ["MS-AD-DRSUAPI"] = AdReplication,
        ["MS-AD-DSROLE"] = AdRole,
        ["MS-AD-DSSETUP"] = AdSetup,
        ["MS-EXCHANGE"] = JunosRpcApplications.All["junos-ms-rpc-msexchange"],
        ["MS-EXCHANGE-DATABASE"] = JunosRpcApplications.All["junos-ms-rpc-msexchange-database"],
        ["MS-EXCHANGE-DIRECTORY"] = JunosRpcApplications.All["junos-ms-rpc-msexchange-directory"],
        ["MS-EXCHANGE-INFO-STORE"] = JunosRpcApplications.All["junos-ms-rpc-msexchange-info-store"],
        ["SUN-RPC-PORTMAPPER"] = RpcService.None,
        ["SUN-RPC-ANY"] = RpcService.AnyProgram,
        ["SUN-RPC-NFS"] = JunosRpcApplications.All["junos-sun-rpc-nfs"],
        ["SUN-RPC-MOUNTD"] = JunosRpcApplications.All["junos-sun-rpc-mountd"],
        ["SUN-RPC-NLOCKMGR"] = JunosRpcApplications.All["junos-sun-rpc-nlockmgr"],
        ["SUN-RPC-STATUS"] = JunosRpcApplications.All["junos-sun-rpc-status"],
        ["SUN-RPC-RQUOTAD"] = JunosRpcApplications.All["junos-sun-rpc-rquotad"],
        ["SUN-RPC-RSTATD"] = JunosRpcApplications.All["junos-sun-rpc-rstatd"],
        ["SUN-RPC-RUSERD"] = JunosRpcApplications.All["junos-sun-rpc-ruserd"],
        ["SUN-RPC-SPRAYD"] = JunosRpcApplications.All["junos-sun-rpc-sprayd"],
        ["SUN-RPC-WALLD"] = JunosRpcApplications.All["junos-sun-rpc-walld"],
        ["SUN-RPC-YPBIND"] = JunosRpcApplications.All["junos-sun-rpc-ypbind"],
        ["SUN-RPC-SADMIND"] = JunosRpcApplications.All["junos-sun-rpc-sadmind"],
    };

    public static ImmutableArray<string> Names { get; } = [.. All.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A name of the predefined RPC families (known to Alg or not): MS-RPC-…, SUN-RPC-…, and the MS-AD,
    /// MS-EXCHANGE and MS-IIS groups and their members.</summary>
    public static bool IsRpcFamily(string name) =>
        name.StartsWith("MS-RPC", StringComparison.OrdinalIgnoreCase) || name.StartsWith("SUN-RPC", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("MS-AD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("MS-EXCHANGE", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("MS-IIS", StringComparison.OrdinalIgnoreCase);

    /// <summary>What an unknown name of the family permits for Alg: everything of its ALG, so nothing is filtered on a
    /// guess.</summary>
    public static RpcService Unknown(string name) =>
        name.StartsWith("SUN-RPC", StringComparison.OrdinalIgnoreCase) ? RpcService.AnyProgram : RpcService.AnyInterface;
}
