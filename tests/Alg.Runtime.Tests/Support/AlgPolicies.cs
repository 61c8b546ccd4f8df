using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.StdlibAlgs;

namespace Alg.Runtime.Tests.Support;

/// <summary>Turns ALGs on in a test policy, with their catalog default ports unless ports are given.</summary>
public static class AlgPolicies
{
    public static PolicyModel WithAlgs(this PolicyModel policy, params string[] enabled) =>
        policy with { Algs = [.. enabled.Select(name => Enabled(AlgCatalog.Get(name)))] };

    public static AlgPolicy Enabled(AlgDescriptor descriptor, ImmutableArray<AlgPort> ports = default) =>
        new(
            descriptor.Name,
            Enabled: true,
            ports.IsDefault ? descriptor.DefaultPorts : ports,
            ImmutableSortedDictionary<string, AlgOptionValue>.Empty,
            SourceSpan.None,
            [],
            InspectMap: null,
            DefaultIsInferred: false);

    /// <summary>PAT of every inside source to 203.0.113.1 with port preservation and address-and-port-dependent
    /// filtering, so nothing but a pinhole lets a server's answer from a new port in.</summary>
    public static PolicyModel PatEverythingStrict() =>
        TestPolicies.Policy(
            [TestPolicies.PatOnInterface() with { RealAddresses = ImmutableArray<AddressRange>.Empty }],
            TestPolicies.Behavior(filtering: FilteringBehavior.AddressAndPortDependent));
}
