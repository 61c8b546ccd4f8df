using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Corpus.Wild;

public sealed partial class WildCorpusTests
{
    private static readonly WildFile[] AsaFiles =
    [
        new("aerleon_aerleon__sample_multitarget.asa.ref", Dialect.Asa),
        new("batfish_batfish__cisco_asa_testconfigs_asa-filters", Dialect.Asa),
        new("batfish_batfish__cisco_asa_testconfigs_asa-nat-object-dynamic", Dialect.Asa),
        new("batfish_batfish__cisco_asa_testconfigs_asa-nat-twice-dynamic", Dialect.Asa),
        new("batfish_batfish__unit-tests_configs_asa_nat", Dialect.Asa),
        new("cutaway-security_cisco-asa-review__asa-9x-hardened.txt", Dialect.Asa),
        new("fwbuilder_fwbuilder__asa8.0.test", Dialect.Asa),
        new("fwbuilder_fwbuilder__asa8.3-acl.test", Dialect.Asa),
        new("fwbuilder_fwbuilder__pix7.test", Dialect.Asa),
    ];
}
