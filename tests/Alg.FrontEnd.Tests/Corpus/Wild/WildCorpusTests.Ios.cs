using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Corpus.Wild;

public sealed partial class WildCorpusTests
{
    private static readonly WildFile[] IosFiles =
    [
        new("aerleon_aerleon__sample_cisco_lab.acl.ref", Dialect.Ios),
        new("batfish_batfish__cisco_testconfigs_ios-nat-mixed", Dialect.Ios),
        new("batfish_batfish__cisco_testconfigs_ios-nat-static", Dialect.Ios),
        new("batfish_batfish__cisco_testconfigs_ios-policy-map-inspect", Dialect.Ios),
        new("batfish_batfish__cisco_testconfigs_ios-zone-security", Dialect.Ios),
        new("batfish_batfish__example-juniper_as2border1.cfg", Dialect.Ios),
        new("batfish_batfish__unit-tests_configs_cisco_zone", Dialect.Ios),
        new("batfish_batfish__unit-tests_configs_isr_voip", Dialect.Ios),
        new("batfish_lab-validation__ios_basic_vrrp_BR1_show_running-config.txt", Dialect.Ios),
        new("batfish_lab-validation__ios_example_network_as2border1_show_running-config.txt", Dialect.Ios),
        new("batfish_lab-validation__iosxe_connectivity_sample_iosxe_acl_show_running-config.txt", Dialect.Ios),
        new("batfish_lab-validation__onug_cost_optimized_s3_path_exitgw_show_running-config.txt", Dialect.Ios),
        new("batfish_lab-validation__ospf_lab_validation_R3-iosxe_show_running-config.txt", Dialect.Ios),
        new("batfish_pybatfish__example-filters_current_firewall.cfg", Dialect.Ios),
        new("batfish_pybatfish__failure-analysis_london.cfg", Dialect.Ios),
        new("fwbuilder_fwbuilder__ios.test", Dialect.Ios),
        new("mpenning_ciscoconfparse__sample_02.ios", Dialect.Ios),
        new("mpenning_ciscoconfparse__sample_03.ios", Dialect.Ios),
        new("mpenning_ciscoconfparse__sample_05.ios", Dialect.Ios),
        new("mpenning_ciscoconfparse__sample_06.ios", Dialect.Ios),
    ];
}
