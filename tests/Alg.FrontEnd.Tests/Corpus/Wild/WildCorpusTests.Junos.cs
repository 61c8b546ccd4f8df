using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Corpus.Wild;

public sealed partial class WildCorpusTests
{
    private static readonly WildFile[] JunosFiles =
    [
        new("aerleon_aerleon__sample_juniper_loopback.jcl.ref", Dialect.Junos),
        new(
            "aerleon_aerleon__sample_stateful_multitarget_complex.srx.ref",
            Dialect.Junos,
            new("ALG3002", 4637, "true: aerleon writes the policies and address book of zones 'internal' and 'external' but not the zones; on its own this file would not commit (the zones must exist on the device it is merged into)"),
            new("ALG3002", 4637, "true: as above, for zone 'external'; each missing zone is reported once, at its first use, with the count of the others")),
        new("batfish_batfish__juniper_testconfigs_firewall-policies", Dialect.Junos),
        new(
            "batfish_batfish__juniper_testconfigs_juniper-nat-pat",
            Dialect.Junos,
            new("ALG3003", 5, "true: pool POOL0 is defined and no NAT rule-set uses it (the file is a parser test of pool syntax only)"),
            new("ALG3003", 6, "true: pool POOL1 is defined and no NAT rule-set uses it (the file is a parser test of pool syntax only)"),
            new("ALG3003", 8, "true: pool POOL2 is defined and no NAT rule-set uses it (the file is a parser test of pool syntax only)"),
            new("ALG3003", 11, "true: pool POOL3 is defined and no NAT rule-set uses it (the file is a parser test of pool syntax only)"),
            new("ALG3003", 17, "true: pool POOL4 is defined and no NAT rule-set uses it (the file is a parser test of pool syntax only)"),
            new("ALG3003", 18, "true: pool POOL5 is defined and no NAT rule-set uses it (the file is a parser test of pool syntax only)"),
            new("ALG3003", 19, "true: pool POOL6 is defined and no NAT rule-set uses it (the file is a parser test of pool syntax only)")),
        new("batfish_batfish__srx-testbed_junos-srx-1.cfg", Dialect.Junos),
        new("batfish_batfish__srx-testbed_junos-srx-2.cfg", Dialect.Junos),
        new("batfish_batfish__srx-testbed_junos-srx-3.cfg", Dialect.Junos),
        new("batfish_lab-validation__junos_default_address_selection_SW1_show_configuration_display_set.txt", Dialect.Junos),
        new("batfish_lab-validation__onug_cost_optimized_s3_path_bor01_show_configuration_display_set.txt", Dialect.Junos),
        new("h00die_MSF-Testing-Scripts__juniper_ex2200.config", Dialect.Junos),
        new("mpenning_ciscoconfparse__sample_01.junos", Dialect.Junos),
    ];
}
