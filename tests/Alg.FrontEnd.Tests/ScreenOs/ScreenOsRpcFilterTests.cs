using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Algs;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.ScreenOs;

/// <summary>
/// ScreenOS custom services <c>protocol ms-rpc uuid U</c> / <c>+ ms-rpc uuid U</c> and <c>protocol sun-rpc program
/// LOW-HIGH</c>, the predefined MS-RPC and SUN-RPC services and service groups, as permitting policies name them, become
/// the RPC ALGs' filters per side of the policies' clients (ScreenOS Concepts &amp; Examples, "Sun RPC ALG" and
/// "Microsoft RPC ALG": services by program number or UUID in policies).
/// </summary>
public sealed class ScreenOsRpcFilterTests
{
    private const string Head = """
        set interface ethernet0/0 zone Untrust
        set interface ethernet0/0 ip 203.0.113.1/24
        set interface ethernet0/1 zone Trust
        set interface ethernet0/1 ip 192.168.1.1/24
        set interface ethernet0/1 nat
        set alg msrpc enable
        set alg sunrpc enable

        """;

    private static AlgOptionValue Option(PolicyModel policy, string alg, string option) => policy.Alg(alg).Options[option];

    [Fact]
    public void A_custom_ms_rpc_service_with_two_uuids_filters_the_clients_of_its_policy()
    {
        var result = Configs.Load(Head + """
            set service "EXCH" protocol ms-rpc uuid f5cc5a18-4264-101a-8c59-08002b2f8426
            set service "EXCH" + ms-rpc uuid 1A190310-BB9C-11CD-90F8-00AA00466520
            set policy id 1 from "Untrust" to "Trust" "Any" "Any" "MS-RPC-EPM" permit
            set policy id 1
            set service "EXCH"
            exit
            set policy id 2 from "Trust" to "Untrust" "Any" "Any" "ANY" nat src permit
            """, Dialect.ScreenOs);
        result.NoErrors();
        var policy = result.Bound!.Policy;

        Assert.Equal("1a190310-bb9c-11cd-90f8-00aa00466520,e1af8308-5d1f-11c9-91a4-08002b14a0fa,f5cc5a18-4264-101a-8c59-08002b2f8426",
            Option(policy, "msrpc", "uuids-from-outside").Text);
        Assert.Equal(AlgOptionValue.AnyListText, Option(policy, "msrpc", "uuids-from-inside").Text);
    }

    [Fact]
    public void Predefined_sun_rpc_services_in_a_group_and_a_custom_program_range_merge()
    {
        var policy = Configs.Policy(Head + """
            set service "LOCKS" protocol sun-rpc program 100021-100021
            set group service "NFS-ALL"
            set group service "NFS-ALL" add "SUN-RPC-NFS"
            set group service "NFS-ALL" add "SUN-RPC-MOUNTD"
            set group service "NFS-ALL" add "LOCKS"
            set policy id 3 from "Trust" to "Untrust" "Any" "Any" "NFS-ALL" permit
            set policy id 4 from "Trust" to "Untrust" "Any" "Any" "SUN-RPC-PORTMAPPER" permit
            """, Dialect.ScreenOs);

        Assert.Equal("100003,100005,100021,100227", Option(policy, "sunrpc", "programs-from-inside").Text);
        Assert.Equal(AlgOptionValue.AnyListText, Option(policy, "sunrpc", "programs-from-outside").Text);
    }

    [Fact]
    public void Disabled_deleted_and_denying_policies_and_the_any_services_filter_nothing()
    {
        var policy = Configs.Policy(Head + """
            set policy id 5 from "Untrust" to "Trust" "Any" "Any" "MS-EXCHANGE" permit
            set policy id 5 disable
            set policy id 6 from "Untrust" to "Trust" "Any" "Any" "MS-AD" permit
            unset policy id 6
            set policy id 7 from "Untrust" to "Trust" "Any" "Any" "SUN-RPC-NFS" deny
            set policy id 8 from "Trust" to "Untrust" "Any" "Any" "MS-EXCHANGE" permit
            set policy id 9 from "Trust" to "Untrust" "Any" "Any" "MS-RPC-ANY" permit
            """, Dialect.ScreenOs);

        Assert.Equal(AlgOptionValue.AnyListText, Option(policy, "msrpc", "uuids-from-outside").Text);
        Assert.Equal(AlgOptionValue.AnyListText, Option(policy, "msrpc", "uuids-from-inside").Text);
        Assert.Equal(AlgOptionValue.AnyListText, Option(policy, "sunrpc", "programs-from-outside").Text);
    }

    [Fact]
    public void ALG3031_and_ALG3032_point_at_the_value_and_the_service()
    {
        var result = Configs.Load(Head + """
            set service "BAD" protocol sun-rpc program 100005-100003
            set service "WORSE" protocol ms-rpc uuid not-a-uuid
            set policy id 1 from "Untrust" to "Trust" "Any" "Any" "SUN-RPC-NFSD" permit
            """, Dialect.ScreenOs);

        var errors = result.WithCode(DiagnosticCatalog.MalformedRpcFilter).ToList();
        Assert.Equal([(8, 44), (9, 42)], errors.Select(e => (e.Span.Line, e.Span.Column)));
        Assert.Contains("program '100005-100003'", errors[0].Message, StringComparison.Ordinal);
        var warning = result.Single(DiagnosticCatalog.UnknownRpcService);
        Assert.Equal((10, 55), (warning.Span.Line, warning.Span.Column));
        Assert.Contains("did you mean 'SUN-RPC-NFS'", warning.Message, StringComparison.Ordinal);
    }
}
