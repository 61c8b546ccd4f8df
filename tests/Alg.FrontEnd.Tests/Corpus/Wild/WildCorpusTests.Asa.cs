using Alg.Policy.Model;

namespace Alg.FrontEnd.Tests.Corpus.Wild;

public sealed partial class WildCorpusTests
{
    private const string UndefinedOnDevice =
        "true: the file (a Batfish parser fixture) names an object or nameif it never defines; the ASA rejects a NAT line naming a missing object or interface (each missing name is reported at its first use)";

    private const string ObjectNatReplaced =
        "true: an object network holds one NAT rule; this line replaces the one above it, so the earlier line has no effect (the fixture lists every form in one object)";

    private static readonly WildFile[] AsaFiles =
    [
        // A capirca ACL fragment: no access-group (it is pasted into a device), and capirca repeats entries that
        // several of its terms produce.
        new("aerleon_aerleon__sample_multitarget.asa.ref", Dialect.Asa,
        [
            new("ALG3003", 13, "true: 'asa_in' is applied by no access-group in this fragment"),
            new("ALG3003", 85, "true: 'asa_out' is applied by no access-group in this fragment"),
            .. Each("ALG3012", "true: the same network is denied again by an identical entry above (terms deny-from-bogons and deny-from-reserved overlap)", 24, 31, 32),
            .. Each("ALG3012", "true: capirca wrote the entry twice, the second copy never matches", 86, 88, 93, 97, 102, 104),
        ]),
        new("batfish_batfish__cisco_asa_testconfigs_asa-filters", Dialect.Asa,
            new AcceptedFinding("ALG3002", 36, "true: 'FILTER_UNDEF' is applied by access-group and defined nowhere (the fixture's deliberate undefined reference)")),
        new("batfish_batfish__cisco_asa_testconfigs_asa-nat-object-dynamic", Dialect.Asa,
            new AcceptedFinding("ALG1014", 40, "true: nat (outside,inside) translates hosts on the outside, which the runtime does not do; the rule is skipped with this warning instead of being applied to inside hosts")),
        new("batfish_batfish__cisco_asa_testconfigs_asa-nat-twice-dynamic", Dialect.Asa,
        [
            .. Each("ALG3002", "true: the fixture has no interface with nameif inside or outside; the ASA rejects NAT naming a missing interface (each missing name is reported at its first use)", 19, 19),
            .. Each("ALG1014", "true: twice NAT with destination static; the runtime skips it and says so", 20, 22),
        ]),
        new("batfish_batfish__unit-tests_configs_asa_nat", Dialect.Asa,
        [
            .. Each("ALG3002", UndefinedOnDevice, 6, 6, 7, 7, 7, 7, 11, 11, 13, 13, 18, 20),
            .. Each("ALG3005", ObjectNatReplaced, 17, 18, 19, 20, 21, 22, 23),
        ]),
        new("cutaway-security_cisco-asa-review__asa-9x-hardened.txt", Dialect.Asa,
            new AcceptedFinding("ALG3003", 38, "true: object-group 'mgmt-admins' is used by no ACL, NAT or other line (http/ssh name the subnet instead)")),
        new("fwbuilder_fwbuilder__asa8.0.test", Dialect.Asa,
        [
            .. Each("ALG3003", "true: fwbuilder's import fixture defines every group kind and uses none of them (the file has no ACL)",
                39, 42, 47, 49, 55, 58, 60, 66, 75, 77, 82, 83, 87, 89, 91, 93, 95, 97, 99, 101),
            new("ALG3007", 127, "true: timeout conn 1:00:00 is below RFC 5382 REQ-5's 2 h 4 min (it is also the ASA default, set explicitly here)"),
        ]),
        new("fwbuilder_fwbuilder__asa8.3-acl.test", Dialect.Asa,
        [
            .. Each("ALG3003", "true: the object service is used by no ACL or NAT (the lines that would use match-1/match-2 are commented out: the ASA refuses them)", 77, 81, 85, 88),
            new("ALG2004", 221, "true: 'foo' is no port name; the ASA rejects the line (the fixture's comment says 'invalid port name')"),
            .. Each("ALG3012", "true: line 156 permits all IP from 192.168.1.0/24 to any, so every later entry from that subnet (or a host in it) is dead",
                157, 159, 161, 162, 163, 164, 166, 167, 168, 171, 189, 191, 193, 194, 195, 196, 197, 264, 265, 266, 267, 268, 269),
            new("ALG3012", 158, "true: 'ipsec' is protocol 50, the same as 'esp' permitted on line 150 for the same addresses"),
            new("ALG3012", 160, "true: object service ip2 is eigrp, permitted on line 149 for the same addresses"),
            new("ALG3012", 165, "true: 'pptp' as a protocol is GRE (47), permitted on line 151 for the same addresses"),
            .. Each("ALG3012", "true: line 175 denies all IP from any to any, so nothing after it in inside_in matches", 177, 179, 180, 181, 183, 199, 200, 201, 202, 203, 204),
            .. Each("ALG3012", "true: the line above matches a superset (same destination, wider or equal ports)", 207, 210, 214, 217),
            .. Each("ALG3012", "true: line 223 permits all TCP from any to dst-network-group-1, which covers these", 225, 227, 229),
            new("ALG3012", 235, "true: host 192.0.2.1 is inside 192.0.2.0/24 permitted on line 234"),
        ]),
        new("fwbuilder_fwbuilder__pix7.test", Dialect.Asa,
        [
            new("ALG3003", 95, "true: the ACL is used by no access-group, nat or crypto map (crypto map spdemap 21 has no match address)"),
            new("ALG3004", 123, "true: the access-group of line 98 is entered again unchanged"),
            new("ALG3004", 124, "true: the access-group of line 97 is entered again unchanged"),
            new("ALG3007", 129, "true: timeout conn 1:00:00 is below RFC 5382 REQ-5's 2 h 4 min"),
        ]),
    ];

    private static AcceptedFinding[] Each(string code, string reason, params int[] lines) =>
        [.. lines.Select(line => new AcceptedFinding(code, line, reason))];
}
