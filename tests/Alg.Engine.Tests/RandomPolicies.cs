using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Pipeline;
using Alg.StdlibAlgs;

namespace Alg.Engine.Tests;

/// <summary>
/// Random policies (ACLs with every kind of match, interfaces with ACLs, NAT rules, ALG switches) and random
/// packets drawn mostly from the values the policy mentions, so rules are hit as well as missed.
/// </summary>
public sealed class RandomPolicies(int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<uint> _addresses = [];
    private readonly List<int> _ports = [];

    public PolicyModel Policy(int aclCount, int rulesPerAcl)
    {
        var acls = Enumerable.Range(0, aclCount).Select(i => Acl($"A{i}", rulesPerAcl)).ToImmutableArray();
        var interfaces = Enumerable.Range(0, 3).Select(i => new InterfacePolicy(
            $"eth{i}",
            null,
            i == 0 ? InterfaceRole.Outside : InterfaceRole.Inside,
            new Ipv4Prefix(new Ipv4Address((uint)((10 << 24) | (i << 16) | 1)), 16),
            null,
            false,
            _random.Next(3) == 0 ? null : acls[_random.Next(acls.Length)].Name,
            _random.Next(2) == 0 ? null : acls[_random.Next(acls.Length)].Name,
            null,
            SourceSpan.None)).ToImmutableArray();
        var natRules = Enumerable.Range(0, _random.Next(1, 6)).Select(NatRule(acls)).ToImmutableArray();
        var algs = AlgCatalog.All.Select(d => new AlgPolicy(
            d.Name,
            _random.Next(2) == 0,
            [.. d.DefaultPorts.Concat(_random.Next(4) == 0 ? [new AlgPort(TransportProtocol.Udp, _random.Next(1, 65536))] : [])],
            d.Options.ToImmutableSortedDictionary(o => o.Name, o => d.Name == "ipsec-nat" && o.Kind == AlgOptionKind.Boolean ? AlgOptionValue.FromBoolean(_random.Next(2) == 0) : o.Default, StringComparer.Ordinal),
            SourceSpan.None,
            [],
            null,
            false)).ToImmutableArray();
        return new PolicyModel(
            Dialect.Ios,
            "random",
            [],
            interfaces,
            acls,
            [],
            natRules,
            new NatBehavior(MappingBehavior.EndpointIndependent, FilteringBehavior.AddressAndPortDependent, true, true, false, SourceSpan.None),
            NatLimits.Unlimited,
            false,
            ImmutableSortedDictionary<string, TimerSetting>.Empty,
            algs);
    }

    public PacketTuple Packet()
    {
        uint Address() => _addresses.Count > 0 && _random.Next(4) != 0
            ? _addresses[_random.Next(_addresses.Count)] ^ (uint)(_random.Next(3) == 0 ? _random.Next(256) : 0)
            : (uint)_random.NextInt64(0, 1L << 32);
        ushort Port() => (ushort)(_ports.Count > 0 && _random.Next(3) != 0 ? Math.Clamp(_ports[_random.Next(_ports.Count)] + _random.Next(-1, 2), 0, 65535) : _random.Next(65536));
        byte[] protocols = [6, 17, 1, 47, 132, 50];
        return new PacketTuple(Address(), Address(), Port(), Port(), protocols[_random.Next(protocols.Length)], _random.Next(2) == 0);
    }

    private Acl Acl(string name, int rules)
    {
        var kind = _random.Next(5) == 0 ? AclKind.Standard : AclKind.Extended;
        var entries = Enumerable.Range(0, rules).Select(i => new AclEntry(
            (i + 1) * 10,
            _random.Next(3) == 0 ? AclAction.Deny : AclAction.Permit,
            kind == AclKind.Standard ? null : new byte?[] { null, 6, 17, 1 }[_random.Next(4)],
            Addresses(),
            kind == AclKind.Standard ? [] : Ports(),
            kind == AclKind.Standard ? [AddressMatch.Any] : Addresses(),
            kind == AclKind.Standard ? [] : Ports(),
            kind == AclKind.Extended && _random.Next(8) == 0,
            new SourceSpan("random.cfg", i + 1, 1, i + 1, 2))).ToImmutableArray();
        return new Acl(name, kind, entries, SourceSpan.None);
    }

    private ImmutableArray<AddressMatch> Addresses()
    {
        var count = _random.Next(4) == 0 ? 0 : _random.Next(1, 3);
        var result = ImmutableArray.CreateBuilder<AddressMatch>();
        for (var i = 0; i < count; i++)
        {
            var address = (uint)_random.NextInt64(0, 1L << 32);
            _addresses.Add(address);
            uint wildcard = _random.Next(6) switch
            {
                0 => 0,
                1 => 0xFF,
                2 => 0xFFFF,
                3 => (1u << _random.Next(0, 24)) - 1,
                4 => 0x00FF00FF,
                _ => uint.MaxValue,
            };
            result.Add(new AddressMatch(new Ipv4Address(address & ~wildcard), wildcard));
        }

        return count == 0 ? [AddressMatch.Any] : result.ToImmutable();
    }

    private ImmutableArray<PortRange> Ports()
    {
        if (_random.Next(3) == 0)
        {
            return [];
        }

        var low = _random.Next(65536);
        var high = _random.Next(3) == 0 ? Math.Min(65535, low + _random.Next(2000)) : low;
        _ports.Add(low);
        _ports.Add(high);
        return _random.Next(5) == 0 ? [new PortRange(low, high), PortRange.Single(_random.Next(65536))] : [new PortRange(low, high)];
    }

    private Func<int, NatRule> NatRule(ImmutableArray<Acl> acls) => order =>
    {
        var kind = (NatRuleKind)_random.Next(4);
        var real = (uint)_random.NextInt64(0, 1L << 32);
        _addresses.Add(real);
        var port = _random.Next(1, 65536);
        _ports.Add(port);
        return new NatRule(
            kind,
            NatDirection.InsideSource,
            kind is NatRuleKind.DynamicPat or NatRuleKind.DynamicPool ? acls[_random.Next(acls.Length)].Name : null,
            null,
            kind is NatRuleKind.Static or NatRuleKind.StaticPort ? [new AddressRange(new Ipv4Address(real), new Ipv4Address(real + (uint)_random.Next(3)))] : [],
            NatTargetKind.Interface,
            "eth0",
            null,
            [],
            kind == NatRuleKind.StaticPort ? TransportProtocol.Tcp : null,
            kind == NatRuleKind.StaticPort ? PortRange.Single(port) : null,
            kind == NatRuleKind.StaticPort ? PortRange.Single(port) : null,
            null,
            null,
            [],
            [],
            false,
            true,
            false,
            order,
            new SourceSpan("random.cfg", 100 + order, 1, 100 + order, 2));
    };
}
