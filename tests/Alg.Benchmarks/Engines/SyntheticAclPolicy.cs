using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Pipeline;

namespace Alg.Benchmarks.Engines;

/// <summary>An edge ACL of N rules in the shape real ones have (subnets to hosts and ports), and packets that hit it.</summary>
public static class SyntheticAclPolicy
{
    public static PolicyModel Create(int rules)
    {
        var entries = ImmutableArray.CreateBuilder<AclEntry>(rules);
        for (var i = 0; i < rules; i++)
        {
            var source = new AddressMatch(new Ipv4Address((uint)((10 << 24) | ((i % 200) << 16) | ((i / 200 % 250) << 8))), 0xFF);
            var destination = AddressMatch.Host(new Ipv4Address((uint)((198 << 24) | (51 << 16) | (100 << 8) | (i % 250))));
            entries.Add(new AclEntry(
                (i + 1) * 10,
                i % 7 == 6 ? AclAction.Deny : AclAction.Permit,
                i % 3 == 0 ? (byte)17 : (byte)6,
                [source],
                [],
                [destination],
                [PortRange.Single(1000 + (i % 5000))],
                false,
                new SourceSpan("bench.cfg", i + 1, 1, i + 1, 2)));
        }

        var acl = new Acl("EDGE", AclKind.Extended, entries.ToImmutable(), SourceSpan.None);
        var outside = new InterfacePolicy("gw0", null, InterfaceRole.Outside, new Ipv4Prefix(Ipv4Address.Parse("203.0.113.1"), 24), null, false, "EDGE", null, null, SourceSpan.None);
        return new PolicyModel(
            Dialect.Ios,
            "bench",
            [],
            [outside],
            [acl],
            [],
            [],
            new NatBehavior(MappingBehavior.EndpointIndependent, FilteringBehavior.AddressAndPortDependent, true, true, false, SourceSpan.None),
            NatLimits.Unlimited,
            false,
            ImmutableSortedDictionary<string, TimerSetting>.Empty,
            []);
    }

    /// <summary>Packets spread over the rule list, one in eight matching nothing (the implicit deny).</summary>
    public static PacketTuple[] Packets(int rules, int count)
    {
        var random = new Random(42);
        var packets = new PacketTuple[count];
        for (var p = 0; p < count; p++)
        {
            var i = random.Next(rules);
            var source = (uint)((10 << 24) | ((i % 200) << 16) | ((i / 200 % 250) << 8)) | (uint)random.Next(256);
            var destination = (uint)((198 << 24) | (51 << 16) | (100 << 8) | (i % 250));
            var port = (ushort)(1000 + (i % 5000));
            packets[p] = p % 8 == 7
                ? new PacketTuple(source, destination, 40000, 9, 6, false)
                : new PacketTuple(source, destination, 40000, port, i % 3 == 0 ? (byte)17 : (byte)6, false);
        }

        return packets;
    }
}
