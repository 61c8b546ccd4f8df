using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Corpus.Wild;

public sealed partial class WildCorpusTests
{
    private static readonly WildFile[] JunosFiles =
    [
        new("aerleon_aerleon__sample_juniper_loopback.jcl.ref", Dialect.Junos),
        new("aerleon_aerleon__sample_stateful_multitarget_complex.srx.ref", Dialect.Junos),
        new("batfish_batfish__juniper_testconfigs_firewall-policies", Dialect.Junos),
        new("batfish_batfish__juniper_testconfigs_juniper-nat-pat", Dialect.Junos),
        new("batfish_batfish__srx-testbed_junos-srx-1.cfg", Dialect.Junos),
        new("batfish_batfish__srx-testbed_junos-srx-2.cfg", Dialect.Junos),
        new("batfish_batfish__srx-testbed_junos-srx-3.cfg", Dialect.Junos),
        new("batfish_lab-validation__junos_default_address_selection_SW1_show_configuration_display_set.txt", Dialect.Junos),
        new("batfish_lab-validation__onug_cost_optimized_s3_path_bor01_show_configuration_display_set.txt", Dialect.Junos),
        new("h00die_MSF-Testing-Scripts__juniper_ex2200.config", Dialect.Junos),
        new("mpenning_ciscoconfparse__sample_01.junos", Dialect.Junos),
    ];
}
