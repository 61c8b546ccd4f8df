using System.Collections.Immutable;

namespace Alg.Compiler.Binding;

/// <summary>
/// The predefined Junos applications of the RPC ALGs and what each permits of their dynamic connections.
/// </summary>
/// <remarks>
/// [V] Junos security policies guide, "Understanding Microsoft Predefined Policy Applications": junos-ms-rpc-epm
/// (e1af8308-5d1f-11c9-91a4-08002b14a0fa), junos-ms-rpc-msexchange = database + directory + info-store with the UUIDs
/// below, junos-ms-rpc, junos-ms-rpc-tcp and junos-ms-rpc-udp (the endpoint mapper on 135, no UUID). [V] "Understanding
/// Sun RPC Services": junos-sun-rpc-portmap-tcp/-udp and the sets junos-sun-rpc, junos-sun-rpc-portmap (the port mapper on
/// 111, no program). [I] The per-program applications (junos-sun-rpc-nfs-tcp/-udp and the like, with the program
/// numbers /etc/rpc gives) and junos-ms-rpc-any / junos-sun-rpc-any (every interface / program): names and contents not
/// confirmed by vendor documentation Alg has. Port-mapper applications permit no dynamic connection by themselves
/// (<see cref="RpcService.None"/>); another predefined name in the junos-ms-rpc- or junos-sun-rpc- family is unknown
/// (ALG3032) and filters nothing.
/// </remarks>
public static class JunosRpcApplications
{
    private static readonly RpcService ExchangeDatabase = RpcService.ForUuids("1a190310-bb9c-11cd-90f8-00aa00466520");

    private static readonly RpcService ExchangeDirectory = RpcService.ForUuids(
        "f5cc5a18-4264-101a-8c59-08002b2f8426", "f5cc5a7c-4264-101a-8c59-08002b2f8426", "f5cc59b4-4264-101a-8c59-08002b2f8426");

    private static readonly RpcService ExchangeInfoStore = RpcService.ForUuids(
        "0e4a0156-dd5d-11d2-8c2f-00c04fb6bcde", "1453c42c-0fa6-11d2-a910-00c04f990f3b", "10f24e8e-0fa6-11d2-a910-00c04f990f3b",
        "1544f5e0-613c-11d1-93df-00c04fd7bd09");

    /// <summary>Program numbers of the Sun RPC services (RFC 1813 NFS and MOUNT, NLM, NSM status; /etc/rpc for the rest).</summary>
    private static readonly (string Service, string[] Programs)[] SunPrograms =
    [
        ("nfs", ["100003", "100227"]),
        ("mountd", ["100005"]),
        ("nlockmgr", ["100021"]),
        ("status", ["100024"]),
        ("rquotad", ["100011"]),
        ("rstatd", ["100001"]),
        ("ruserd", ["100002"]),
        ("sprayd", ["100012"]),
        ("walld", ["100008"]),
        ("ypbind", ["100007"]),
        ("sadmind", ["100232"]),
    ];

    public static readonly IReadOnlyDictionary<string, RpcService> All = Build();

    /// <summary>A name of the predefined RPC families (known to Alg or not).</summary>
    public static bool IsRpcFamily(string name) =>
        name.StartsWith("junos-ms-rpc", StringComparison.Ordinal) || name.StartsWith("junos-sun-rpc", StringComparison.Ordinal);

    /// <summary>What an unknown name of the family permits for Alg: everything of its ALG, so nothing is filtered on a
    /// guess.</summary>
    public static RpcService Unknown(string name) =>
        name.StartsWith("junos-ms-rpc", StringComparison.Ordinal) ? RpcService.AnyInterface : RpcService.AnyProgram;

    public static ImmutableArray<string> Names { get; } = [.. All.Keys.Order(StringComparer.Ordinal)];

    private static Dictionary<string, RpcService> Build()
    {
        var all = new Dictionary<string, RpcService>(StringComparer.Ordinal)
        {
            ["junos-ms-rpc"] = RpcService.None,
            ["junos-ms-rpc-tcp"] = RpcService.None,
            ["junos-ms-rpc-udp"] = RpcService.None,
            ["junos-ms-rpc-any"] = RpcService.AnyInterface,
            ["junos-ms-rpc-epm"] = RpcService.ForUuids("e1af8308-5d1f-11c9-91a4-08002b14a0fa"),
            ["junos-ms-rpc-msexchange"] = ExchangeDatabase.Union(ExchangeDirectory).Union(ExchangeInfoStore),
            ["junos-ms-rpc-msexchange-database"] = ExchangeDatabase,
            ["junos-ms-rpc-msexchange-directory"] = ExchangeDirectory,
            ["junos-ms-rpc-msexchange-info-store"] = ExchangeInfoStore,
            ["junos-sun-rpc"] = RpcService.None,
            ["junos-sun-rpc-portmap"] = RpcService.None,
            ["junos-sun-rpc-portmap-tcp"] = RpcService.None,
            ["junos-sun-rpc-portmap-udp"] = RpcService.None,
            ["junos-sun-rpc-any"] = RpcService.AnyProgram,
            ["junos-sun-rpc-any-tcp"] = RpcService.AnyProgram,
            ["junos-sun-rpc-any-udp"] = RpcService.AnyProgram,
        };
        foreach (var (service, programs) in SunPrograms)
        {
            var permits = RpcService.ForPrograms(programs);
            all[$"junos-sun-rpc-{service}"] = permits;
            all[$"junos-sun-rpc-{service}-tcp"] = permits;
            all[$"junos-sun-rpc-{service}-udp"] = permits;
        }

        return all;
    }
}
