using Alg.FrontEnd.Tests.Support;
using Alg.Policy.Algs;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Junos;

/// <summary>
/// Junos applications with <c>uuid</c> (MS-RPC) and <c>rpc-program-number</c> (SunRPC) that permitting security
/// policies match become the RPC ALGs' filters, per side of the policies' clients (the from-zone): Junos security
/// policies guide, "Understanding Microsoft RPC ALGs" / "Understanding Sun RPC ALGs" (policies permit by UUID or program
/// number), <c>uuid</c> and <c>rpc-program-number</c> under <c>[edit applications application NAME term T]</c>.
/// </summary>
public sealed class JunosRpcFilterTests
{
    private const string Exchange = "1a190310-bb9c-11cd-90f8-00aa00466520";
    private const string Epm = "e1af8308-5d1f-11c9-91a4-08002b14a0fa";

    private const string Zones = """
        set interfaces ge-0/0/0 unit 0 family inet address 203.0.113.1/24
        set interfaces ge-0/0/1 unit 0 family inet address 192.168.1.1/24
        set security zones security-zone untrust interfaces ge-0/0/0.0
        set security zones security-zone trust interfaces ge-0/0/1.0

        """;

    private static AlgOptionValue Option(PolicyModel policy, string alg, string option) => policy.Alg(alg).Options[option];

    [Fact]
    public void A_uuid_application_a_policy_from_untrust_permits_filters_clients_outside_only()
    {
        var result = Configs.Load(Zones + $"""
            set applications application EXCHANGE-DB term t1 alg ms-rpc uuid {Exchange.ToUpperInvariant()}
            set security policies from-zone untrust to-zone trust policy RPC-IN match source-address any
            set security policies from-zone untrust to-zone trust policy RPC-IN match destination-address any
            set security policies from-zone untrust to-zone trust policy RPC-IN match application junos-ms-rpc-tcp
            set security policies from-zone untrust to-zone trust policy RPC-IN match application EXCHANGE-DB
            set security policies from-zone untrust to-zone trust policy RPC-IN then permit
            set security policies from-zone trust to-zone untrust policy OUT match application any
            set security policies from-zone trust to-zone untrust policy OUT then permit
            """, Dialect.Junos);
        result.NoErrors();
        var policy = result.Bound!.Policy;

        var outside = Option(policy, "msrpc", "uuids-from-outside");
        Assert.Equal(Exchange, outside.Text);
        Assert.Equal(6, outside.Source.Line);
        Assert.Equal(AlgOptionValue.AnyListText, Option(policy, "msrpc", "uuids-from-inside").Text);
        Assert.Equal(AlgOptionValue.AnyListText, Option(policy, "sunrpc", "programs-from-outside").Text);
    }

    [Fact]
    public void The_curly_brace_form_with_a_bracketed_application_list_binds_alike()
    {
        var result = Configs.Load($$"""
            interfaces {
                ge-0/0/0 { unit 0 { family inet { address 203.0.113.1/24; } } }
                ge-0/0/1 { unit 0 { family inet { address 192.168.1.1/24; } } }
            }
            security {
                zones {
                    security-zone untrust { interfaces { ge-0/0/0.0; } }
                    security-zone trust { interfaces { ge-0/0/1.0; } }
                }
                policies {
                    from-zone untrust to-zone trust {
                        policy RPC-IN {
                            match {
                                source-address any;
                                destination-address any;
                                application [ junos-ms-rpc-tcp EXCHANGE-DB junos-ms-rpc-epm ];
                            }
                            then { permit; }
                        }
                    }
                }
            }
            applications {
                application EXCHANGE-DB {
                    term t1 alg ms-rpc uuid {{Exchange}};
                }
            }
            """, Dialect.Junos);
        result.NoErrors();

        Assert.Equal($"{Exchange},{Epm}", Option(result.Bound!.Policy, "msrpc", "uuids-from-outside").Text);
    }

    [Fact]
    public void Program_numbers_of_applications_and_predefined_ones_merge_into_ranges()
    {
        var policy = Configs.Policy(Zones + """
            set applications application NFS-ONLY term t1 alg sunrpc protocol tcp rpc-program-number 100003-100003
            set applications application NFS-ONLY term t2 alg sunrpc protocol udp rpc-program-number 100004
            set applications application-set NFS-SET application NFS-ONLY
            set applications application-set NFS-SET application junos-sun-rpc-mountd-udp
            set security policies from-zone trust to-zone untrust policy NFS match application NFS-SET
            set security policies from-zone trust to-zone untrust policy NFS match application junos-sun-rpc-portmap-udp
            set security policies from-zone trust to-zone untrust policy NFS then permit
            """, Dialect.Junos);

        Assert.Equal("100003-100005", Option(policy, "sunrpc", "programs-from-inside").Text);
        Assert.Equal(AlgOptionValue.AnyListText, Option(policy, "sunrpc", "programs-from-outside").Text);
        Assert.Equal(AlgOptionValue.AnyListText, Option(policy, "msrpc", "uuids-from-inside").Text);
    }

    [Fact]
    public void Any_application_in_the_same_direction_lifts_the_filter()
    {
        var policy = Configs.Policy(Zones + $"""
            set applications application EXCHANGE-DB term t1 alg ms-rpc uuid {Exchange}
            set security policies from-zone trust to-zone untrust policy RPC match application EXCHANGE-DB
            set security policies from-zone trust to-zone untrust policy RPC then permit
            set security policies from-zone trust to-zone untrust policy ALL match application any
            set security policies from-zone trust to-zone untrust policy ALL then permit
            """, Dialect.Junos);

        Assert.Equal(AlgOptionValue.AnyListText, Option(policy, "msrpc", "uuids-from-inside").Text);
    }

    [Fact]
    public void Denying_deleted_and_deactivated_policies_filter_nothing_and_global_policies_filter_both_sides()
    {
        var policy = Configs.Policy(Zones + $"""
            set applications application EXCHANGE-DB term t1 alg ms-rpc uuid {Exchange}
            set security policies from-zone untrust to-zone trust policy DENIED match application EXCHANGE-DB
            set security policies from-zone untrust to-zone trust policy DENIED then deny
            set security policies from-zone trust to-zone untrust policy GONE match application EXCHANGE-DB
            set security policies from-zone trust to-zone untrust policy GONE then permit
            delete security policies from-zone trust to-zone untrust policy GONE
            set security policies from-zone trust to-zone untrust policy OFF match application EXCHANGE-DB
            set security policies from-zone trust to-zone untrust policy OFF then permit
            deactivate security policies from-zone trust to-zone untrust policy OFF then permit
            """, Dialect.Junos);
        Assert.Equal(AlgOptionValue.AnyListText, Option(policy, "msrpc", "uuids-from-inside").Text);
        Assert.Equal(AlgOptionValue.AnyListText, Option(policy, "msrpc", "uuids-from-outside").Text);

        var global = Configs.Policy(Zones + """
            set security policies global policy EPM match application junos-ms-rpc-epm
            set security policies global policy EPM then permit
            """, Dialect.Junos);
        Assert.Equal(Epm, Option(global, "msrpc", "uuids-from-inside").Text);
        Assert.Equal(Epm, Option(global, "msrpc", "uuids-from-outside").Text);
    }

    [Fact]
    public void Without_rpc_applications_nothing_is_filtered()
    {
        var policy = Configs.Policy(Zones + """
            set security policies from-zone trust to-zone untrust policy WEB match application junos-http
            set security policies from-zone trust to-zone untrust policy WEB then permit
            """, Dialect.Junos);

        foreach (var (alg, option) in new[] { ("msrpc", "uuids-from-inside"), ("msrpc", "uuids-from-outside"), ("sunrpc", "programs-from-inside"), ("sunrpc", "programs-from-outside") })
        {
            var value = Option(policy, alg, option);
            Assert.Equal(AlgOptionValue.AnyListText, value.Text);
            Assert.True(value.Source.IsNone);
        }
    }

    [Fact]
    public void ALG3031_a_malformed_uuid_or_program_range_is_an_error_at_the_value()
    {
        var result = Configs.Load(Zones + """
            set applications application BAD term t1 alg ms-rpc uuid 1a190310-bb9c-11cd-90f8
            set applications application WORSE term t1 alg sunrpc rpc-program-number 100005-100003
            set security policies from-zone trust to-zone untrust policy P match application BAD
            set security policies from-zone trust to-zone untrust policy P then permit
            """, Dialect.Junos);

        var errors = result.WithCode(DiagnosticCatalog.MalformedRpcFilter).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(DiagnosticSeverity.Error, e.Severity));
        Assert.Equal((5, 58), (errors[0].Span.Line, errors[0].Span.Column));
        Assert.Contains("uuid '1a190310-bb9c-11cd-90f8' is not an interface UUID", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((6, 74), (errors[1].Span.Line, errors[1].Span.Column));
        Assert.Contains("rpc-program-number '100005-100003'", errors[1].Message, StringComparison.Ordinal);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void ALG3032_an_unknown_predefined_rpc_application_is_a_warning_and_filters_nothing()
    {
        var result = Configs.Load(Zones + """
            set security policies from-zone untrust to-zone trust policy P match application junos-ms-rpc-msexchange-infostore
            set security policies from-zone untrust to-zone trust policy P match application junos-ms-rpc-epm
            set security policies from-zone untrust to-zone trust policy P then permit
            """, Dialect.Junos);

        var warning = result.Single(DiagnosticCatalog.UnknownRpcService);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(5, warning.Span.Line);
        Assert.Contains("did you mean 'junos-ms-rpc-msexchange-info-store'", warning.Message, StringComparison.Ordinal);
        Assert.Equal(AlgOptionValue.AnyListText, Option(result.Bound!.Policy, "msrpc", "uuids-from-outside").Text);
    }
}
