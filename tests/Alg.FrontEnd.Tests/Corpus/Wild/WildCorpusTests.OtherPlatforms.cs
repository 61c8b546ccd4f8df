using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Corpus.Wild;

public sealed partial class WildCorpusTests
{
    private static readonly WildFile[] OtherPlatformFiles =
    [
        new("ansible-collections_cisco.asa__asa_acls_config.cfg", null),
        new("batfish_lab-validation__cisco_private_asn_R-PublicASN100_show_running-config.txt", null),
        new("batfish_pybatfish__example-filters_current_rtr-with-acl.cfg", null),
    ];
}
