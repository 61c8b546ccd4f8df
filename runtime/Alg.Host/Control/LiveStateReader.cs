using Alg.Compiler;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.Host.Control;

/// <summary>Reads a gateway's tables into a <see cref="LiveState"/>. Call it where packets cannot run (the worker, between frames).</summary>
public static class LiveStateReader
{
    private const int SipPort = 5060;
    private const long NanosecondsPerSecond = 1_000_000_000L;

    public static LiveState Read(Gateway gateway, string configPath, string fingerprint, long now)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var nat = gateway.Nat;
        var plans = (nat.Algs?.Plans ?? []).OfType<AlgPlanEntry>().ToList();
        var algNames = plans.ToDictionary(p => p.OwnerTag, p => p.Name);
        var algs = plans
            .Select(p => new AlgStatus(p.Name, p.Handler is not null, p.Counters.Inspected, p.Counters.RewritesApplied, p.Counters.RewritesRefused, p.Counters.PinholesOpened, p.Counters.PinholesRefused, p.Counters.Malformed, p.Counters.Failures, p.Counters.PartsRefused, p.Counters.LastPartRefused))
            .ToList();
        var flows = nat.Flows;
        var translations = new List<TranslationEntry>();
        for (var i = 0; i < flows.Capacity; i++)
        {
            ref var flow = ref flows[i];
            if ((flow.Flags & FlowEntryFlags.InUse) != 0)
            {
                translations.Add(Translation(flow, now));
            }
        }

        var open = nat.Expectations.Snapshot();
        var pinholes = open
            .Select(p => new PinholeEntry(
                $"{Side(p.Spec.ArrivalSide)} {Protocol(p.Spec.Protocol)} {Endpoint(p.Spec.LocalAddress, p.Spec.LocalPort)}",
                Peer(p.Spec.Peer),
                Endpoint(p.Spec.TranslatedAddress, p.Spec.TranslatedPort),
                algNames.GetValueOrDefault(p.Spec.OwnerTag, "-"),
                MasterOf(flows, p.Spec.Master),
                SecondsLeft(p.ExpiresAt, now),
                p.Spec.Group))
            .ToList();
        var drops = new List<KeyValuePair<string, long>>();
        foreach (var reason in Enum.GetValues<DropReason>())
        {
            if (reason != DropReason.None && nat.Drops[reason] > 0)
            {
                drops.Add(new(KebabCase.From(reason.ToString()), nat.Drops[reason]));
            }
        }

        var sip = plans.FirstOrDefault(p => p.Name == "sip" && p.Handler is not null);
        var sipPorts = gateway.Policy.FindAlg("sip") is { Enabled: true } sipPolicy ? sipPolicy.Ports : [];
        return new LiveState(
            configPath,
            fingerprint,
            flows.Capacity,
            nat.FlowsCreated,
            nat.FlowsExpired,
            nat.PacketsTranslated,
            nat.Expectations.Opened,
            nat.Expectations.Used,
            nat.Expectations.Expired,
            translations,
            pinholes,
            algs,
            Calls(flows, open, sip, sipPorts),
            drops);
    }

    // The doctor's verdicts need the packets; the tables tell less, and the reason says what they do tell.
    private static List<CallEntry> Calls(FlowTable flows, IReadOnlyList<OpenExpectation> pinholes, AlgPlanEntry? sip, System.Collections.Immutable.ImmutableArray<Alg.Policy.Algs.AlgPort> sipPorts)
    {
        var calls = new List<CallEntry>();
        for (var i = 0; i < flows.Capacity; i++)
        {
            ref var flow = ref flows[i];
            if ((flow.Flags & FlowEntryFlags.InUse) == 0 || (flow.OriginalKey.DestinationPort != SipPort && flow.OriginalKey.SourcePort != SipPort))
            {
                continue;
            }

            var id = flows.IdOf(i);
            var signalling = flow.OriginalKey.ToString();
            var key = flow.OriginalKey;
            var protocol = key.Protocol == 6 ? TransportProtocol.Tcp : TransportProtocol.Udp;
            if (sip is null || !sipPorts.Any(p => p.Protocol == protocol && (p.Port == key.DestinationPort || p.Port == key.SourcePort)))
            {
                calls.Add(new CallEntry(signalling, false, 0, 0, 0, "one-way",
                    "the SIP ALG is off for this signalling port: the phone's private address goes out in its SDP and no pinhole opens for the far end's media (alg doctor on a capture confirms it)"));
                continue;
            }

            var own = pinholes.Where(p => p.Spec.Master == id && p.Spec.OwnerTag == sip.OwnerTag).ToList();
            var groups = own.Select(p => p.Spec.Group).Where(g => g != 0).Distinct().Count();
            var media = 0;
            for (var j = 0; j < flows.Capacity; j++)
            {
                ref var other = ref flows[j];
                if ((other.Flags & (FlowEntryFlags.InUse | FlowEntryFlags.FromExpectation)) == (FlowEntryFlags.InUse | FlowEntryFlags.FromExpectation) && other.MasterIndex == i)
                {
                    media++;
                }
            }

            var (verdict, reason) = (own.Count, media) switch
            {
                (0, 0) => ("not-established", "no call on this signalling flow has media pinholes open"),
                (_, 0) => ("not-established", "media pinholes are open and no media from the far end has come through them yet"),
                _ => ("ok", "the far end's media came in through the SIP ALG's pinholes"),
            };
            calls.Add(new CallEntry(signalling, true, groups, own.Count, media, verdict, reason));
        }

        return calls;
    }

    private static TranslationEntry Translation(in FlowEntry flow, long now)
    {
        var original = flow.OriginalKey;
        var reply = flow.ReplyKey;
        var fromInside = original.Side == FlowSide.Inside;

        // The inside host's own tuple is where its packets come from; its global one is where the outside sends to.
        var (insideLocal, insideGlobal, outsideLocal, outsideGlobal) = fromInside
            ? (Endpoint(original.Source, original.SourcePort), Endpoint(reply.Destination, reply.DestinationPort), Endpoint(original.Destination, original.DestinationPort), Endpoint(reply.Source, reply.SourcePort))
            : (Endpoint(reply.Source, reply.SourcePort), Endpoint(original.Destination, original.DestinationPort), Endpoint(reply.Destination, reply.DestinationPort), Endpoint(original.Source, original.SourcePort));
        var translated = (flow.Flags & (FlowEntryFlags.SourceTranslated | FlowEntryFlags.DestinationTranslated)) != 0;
        return new TranslationEntry(
            Protocol(original.Protocol),
            insideLocal,
            insideGlobal,
            outsideLocal,
            outsideGlobal,
            Side(original.Side),
            SecondsLeft(flow.ExpiresAt, now),
            (flow.Flags & FlowEntryFlags.FromExpectation) != 0,
            translated,
            original.Protocol == 6 ? KebabCase.From(flow.TcpState.ToString()) : null);
    }

    private static string MasterOf(FlowTable flows, FlowId master) =>
        !master.IsNone && flows.IsLive(master) ? flows[master.Index].OriginalKey.ToString() : "-";

    private static long SecondsLeft(long expiresAt, long now) =>
        expiresAt == long.MaxValue ? -1 : Math.Max(0, (expiresAt - now) / NanosecondsPerSecond);

    private static string Peer(ExpectedPeer peer) =>
        $"{(peer.AnyAddress ? "*" : new Ipv4Address(peer.Address).ToString())}:{(peer.AnyPort ? "*" : peer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}";

    private static string Endpoint(uint address, ushort port) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{new Ipv4Address(address)}:{port}");

    private static string Side(FlowSide side) => side == FlowSide.Inside ? "inside" : "outside";

    private static string Protocol(byte protocol) => protocol switch
    {
        6 => "tcp",
        17 => "udp",
        1 => "icmp",
        _ => protocol.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
