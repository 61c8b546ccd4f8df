using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Corpus.Wild;

public sealed partial class WildCorpusTests
{
    private const string OutsidePolicyContext =
        "outside a policy context: the fixture omits the `set policy id 100` line that enters policy 100, and ScreenOS has no global `set src-address`/`set dst-address` command, so the device refuses the line (its address is already in policy 100's group, so nothing is lost): true";

    private const string AdddessTypo =
        "'10.3.3.11/32' is never defined: line 16 misspells `set address` as `set adddess`, which the device refuses (reported at the first of its three uses): true";

    private static readonly WildFile[] ScreenOsFiles =
    [
        new("greyinghair_screenos_to_junos_converter__tests_fixtures_end_to_end_full.screenos", Dialect.ScreenOs,
            new AcceptedFinding("ALG1001", 15, OutsidePolicyContext),
            new AcceptedFinding("ALG1001", 16, OutsidePolicyContext)),
        new("mamullen13316_ScreenOS_to_ASA_Conversion__Juniper_Before_Convert.txt", Dialect.ScreenOs,
            new AcceptedFinding("ALG3025", 7, "zone 'Inside' holds addresses but the file has no `set zone` line for it: an excerpt (one warning per zone, not an error per use): true"),
            new AcceptedFinding("ALG3025", 24, "zone 'Outside' holds addresses but the file has no `set zone` line for it: an excerpt: true"),
            new AcceptedFinding("ALG3003", 7, "address '10.1.1.0/24' is in no group and no policy: true"),
            new AcceptedFinding("ALG3003", 10, "address '10.1.1.12/32' is in no group and no policy (policy 105 names .10 and .11 only): true"),
            new AcceptedFinding("ALG3003", 11, "address 'Net 2' is in no group and no policy (policy 107's context names 'Inside Net 2', a different name): true"),
            new AcceptedFinding("ALG3003", 14, "address '10.3.3.0/24' is in no group and no policy: true"),
            new AcceptedFinding("ALG1001", 16, "`set adddess` is a typo the device refuses: true"),
            new AcceptedFinding("ALG3003", 17, "address '10.3.3.12/32' is in no group and no policy: true"),
            new AcceptedFinding("ALG3003", 18, "address '10.4.4.0/24' is in no group and no policy: true"),
            new AcceptedFinding("ALG3003", 26, "address 'Outside Net 3' is in no group and no policy: true"),
            new AcceptedFinding("ALG3003", 32, "group 'Web Servers' is used by no policy (policy 101 names 'Web Srvrs'): true"),
            new AcceptedFinding("ALG3002", 37, AdddessTypo),
            new AcceptedFinding("ALG3003", 38, "group 'VLAN 30 Hosts' is used by no policy: true"),
            new AcceptedFinding("ALG3002", 39, "'10.3.3.10/32' is an Inside address added to an Outside group; ScreenOS groups hold addresses of their own zone only: true"),
            new AcceptedFinding("ALG3003", 42, "service group 'Term Srvr Ports' is used by no policy (policy 104 names RDP and TCP 1494 one by one): true"),
            new AcceptedFinding("ALG3002", 53, "policy 101 names 'Web Srvrs'; the group is 'Web Servers': true"),
            new AcceptedFinding("ALG3002", 58, "policy 102 is from Outside, and '10.3.3.10/32' is an Inside address: the device refuses it as a source: true"),
            new AcceptedFinding("ALG3002", 61, "policy 103 names 'Web Srvr', defined nowhere: true"),
            new AcceptedFinding("ALG3002", 61, "policy 103 names 'App Srvr', defined nowhere: true"),
            new AcceptedFinding("ALG3002", 81, "policy 107 names 'Inside Net 1', defined nowhere (5, 6 and 7 exist): true"),
            new AcceptedFinding("ALG3002", 84, "policy 107's context names 'Inside Net 2', defined nowhere: true")),
    ];
}
