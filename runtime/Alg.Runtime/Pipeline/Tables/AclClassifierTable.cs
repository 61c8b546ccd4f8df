using System.Numerics;
using Alg.Policy.Model;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Runtime.Pipeline.Tables;

/// <summary>
/// First-match classification of one ACL without scanning its rules (the bit-vector scheme of Lakshman and
/// Stiliadis): each field maps the packet's value to the set of rules that accept it, the sets are ANDed a
/// 64-rule word at a time, and the lowest set bit is the first matching rule.
/// </summary>
/// <remarks>
/// Identical rule sets are stored once. A rule whose source or destination wildcard is not contiguous cannot
/// be an interval: it is treated as "any address" in the tables and marked residual, and a candidate residual
/// rule is confirmed with its exact test, so the answer is always the interpreter's.
/// </remarks>
public sealed class AclClassifierTable
{
    private readonly AclRuleIr[] _rules;

    private AclClassifierTable(AclProgram acl)
    {
        _rules = [.. acl.Rules];
        Words = Math.Max(1, (_rules.Length + 63) / 64);
        Residual = new ulong[Words];
        Permit = new bool[_rules.Length];
        for (var r = 0; r < _rules.Length; r++)
        {
            Permit[r] = _rules[r].Permit;
            if (!AllContiguous(_rules[r].Sources) || !AllContiguous(_rules[r].Destinations))
            {
                Residual[r / 64] |= 1UL << (r % 64);
            }
        }

        var sourceSets = new SetStore(Words);
        Sources = BuildAddress(sourceSets, r => _rules[r].Sources);
        SourceBits = sourceSets.ToArray();
        var destinationSets = new SetStore(Words);
        Destinations = BuildAddress(destinationSets, r => _rules[r].Destinations);
        DestinationBits = destinationSets.ToArray();
        var sourcePortSets = new SetStore(Words);
        SourcePorts = BuildPorts(sourcePortSets, r => _rules[r].SourcePorts);
        SourcePortBits = sourcePortSets.ToArray();
        var destinationPortSets = new SetStore(Words);
        DestinationPorts = BuildPorts(destinationPortSets, r => _rules[r].DestinationPorts);
        DestinationPortBits = destinationPortSets.ToArray();
        var protocolSets = new SetStore(Words);
        Protocols = BuildProtocols(protocolSets);
        ProtocolBits = protocolSets.ToArray();
        var establishedSets = new SetStore(Words);
        Established = [establishedSets.Add(RuleSet(r => !_rules[r].Established)), establishedSets.Add(RuleSet(_ => true))];
        EstablishedBits = establishedSets.ToArray();
    }

    /// <summary>64-bit words per rule set.</summary>
    public int Words { get; }

    public bool[] Permit { get; }

    public ulong[] Residual { get; }

    public AddressDimension Sources { get; }

    public ulong[] SourceBits { get; }

    public AddressDimension Destinations { get; }

    public ulong[] DestinationBits { get; }

    /// <summary>Port → index of its rule set (times <see cref="Words"/> gives the offset in the bits).</summary>
    public int[] SourcePorts { get; }

    public ulong[] SourcePortBits { get; }

    public int[] DestinationPorts { get; }

    public ulong[] DestinationPortBits { get; }

    public int[] Protocols { get; }

    public ulong[] ProtocolBits { get; }

    /// <summary>[not established, established] → rule set index.</summary>
    public int[] Established { get; }

    public ulong[] EstablishedBits { get; }

    public static AclClassifierTable Build(AclProgram acl) => new(acl);

    /// <summary>The index of the first rule that matches, or -1.</summary>
    public int Classify(in PacketTuple tuple)
    {
        var words = Words;
        var s = Sources.SetOf(tuple.Source) * words;
        var d = Destinations.SetOf(tuple.Destination) * words;
        var sp = SourcePorts[tuple.SourcePort] * words;
        var dp = DestinationPorts[tuple.DestinationPort] * words;
        var p = Protocols[tuple.Protocol] * words;
        var e = Established[tuple.Established ? 1 : 0] * words;
        for (var w = 0; w < words; w++)
        {
            var candidates = SourceBits[s + w] & DestinationBits[d + w] & SourcePortBits[sp + w]
                & DestinationPortBits[dp + w] & ProtocolBits[p + w] & EstablishedBits[e + w];
            while (candidates != 0)
            {
                var rule = (w * 64) + BitOperations.TrailingZeroCount(candidates);
                if ((Residual[w] & (1UL << (rule % 64))) == 0 || _rules[rule].Matches(tuple))
                {
                    return rule;
                }

                candidates &= candidates - 1;
            }
        }

        return -1;
    }

    /// <summary>The exact test of one rule, for residual candidates in generated code.</summary>
    public bool ExactMatch(int rule, in PacketTuple tuple) => _rules[rule].Matches(tuple);

    private static bool AllContiguous(System.Collections.Immutable.ImmutableArray<AddressMatch> matches)
    {
        foreach (var match in matches)
        {
            if ((match.Wildcard & (match.Wildcard + 1)) != 0)
            {
                return false;
            }
        }

        return true;
    }

    private ulong[] RuleSet(Func<int, bool> member)
    {
        var bits = new ulong[Words];
        for (var r = 0; r < _rules.Length; r++)
        {
            if (member(r))
            {
                bits[r / 64] |= 1UL << (r % 64);
            }
        }

        return bits;
    }

    private AddressDimension BuildAddress(SetStore store, Func<int, System.Collections.Immutable.ImmutableArray<AddressMatch>> field)
    {
        var events = new List<(ulong Position, int Rule, int Delta)>();
        for (var r = 0; r < _rules.Length; r++)
        {
            var matches = field(r);
            if (matches.IsEmpty || !AllContiguous(matches))
            {
                events.Add((0, r, 1));
                continue;
            }

            foreach (var match in matches)
            {
                var first = match.Address.Value & ~match.Wildcard;
                var last = first | match.Wildcard;
                events.Add((first, r, 1));
                events.Add(((ulong)last + 1, r, -1));
            }
        }

        var (starts, sets) = Sweep(store, events, 1UL << 32);
        return new AddressDimension([.. starts.Select(s => (uint)s)], sets);
    }

    private int[] BuildPorts(SetStore store, Func<int, System.Collections.Immutable.ImmutableArray<PortRange>> field)
    {
        var events = new List<(ulong Position, int Rule, int Delta)>();
        for (var r = 0; r < _rules.Length; r++)
        {
            var ranges = field(r);
            if (ranges.IsEmpty)
            {
                events.Add((0, r, 1));
                continue;
            }

            foreach (var range in ranges)
            {
                events.Add(((ulong)range.Low, r, 1));
                events.Add(((ulong)range.High + 1, r, -1));
            }
        }

        var (starts, sets) = Sweep(store, events, 65536);
        var byPort = new int[65536];
        for (var k = 0; k < starts.Count; k++)
        {
            var end = k + 1 < starts.Count ? (int)starts[k + 1] : 65536;
            Array.Fill(byPort, sets[k], (int)starts[k], end - (int)starts[k]);
        }

        return byPort;
    }

    // Sweep line over interval starts and ends: the active rule set between two consecutive boundaries is
    // one elementary interval. A rule may have several intervals, so membership is a count, not a bit.
    private (List<ulong> Starts, int[] Sets) Sweep(SetStore store, List<(ulong Position, int Rule, int Delta)> events, ulong limit)
    {
        events.Sort((a, b) => a.Position.CompareTo(b.Position));
        var counts = new int[_rules.Length];
        var bits = new ulong[Words];
        var starts = new List<ulong>();
        var sets = new List<int>();
        var i = 0;
        ulong position = 0;
        while (true)
        {
            while (i < events.Count && events[i].Position == position)
            {
                var (_, rule, delta) = events[i++];
                counts[rule] += delta;
                if (counts[rule] > 0)
                {
                    bits[rule / 64] |= 1UL << (rule % 64);
                }
                else
                {
                    bits[rule / 64] &= ~(1UL << (rule % 64));
                }
            }

            starts.Add(position);
            sets.Add(store.Add(bits));
            if (i >= events.Count || events[i].Position >= limit)
            {
                break;
            }

            position = events[i].Position;
        }

        return (starts, [.. sets]);
    }

    private int[] BuildProtocols(SetStore store)
    {
        var byProtocol = new int[256];
        for (var protocol = 0; protocol < 256; protocol++)
        {
            byProtocol[protocol] = store.Add(RuleSet(r => _rules[r].Protocol == 0 || _rules[r].Protocol == protocol));
        }

        return byProtocol;
    }
}
