using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;
using Alg.Runtime.Nat;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.H323.Per;

namespace Alg.StdlibAlgs.H323;

/// <summary>
/// H.323 RAS ALG (H.225.0 §7.7–§7.16, UDP 1719 and 1718; algs.md §4.3): an inside endpoint's rasAddress,
/// replyAddress and callSignalAddress become public; its registration (RRQ) keeps a pinhole open for calls the
/// gatekeeper routes to it — inspected by the Q.931 ALG — for the time-to-live the gatekeeper grants (RCF), until
/// it unregisters (URQ).
/// </summary>
/// <remarks>
/// <para>The registration pinhole is persistent (several calls), outlives the RAS flow's idle timeout
/// (<see cref="ExpectationSpec.OutlivesMaster"/>) and admits the gatekeeper only (Linux <c>gkrouted_only=1</c>),
/// or any caller with ASA <c>ras-rcf-pinholes</c>. Each RRQ (full or keep-alive) renews it; RCF sets its lifetime.</para>
/// <para>H.460: an RRQ/RCF/GRQ/GCF with traversal features, or an SCI/SCR with generic data, marks the endpoint
/// (shared with the Q.931 and H.245 ALGs): its RAS, calls and channels pass untouched for the registration's life.</para>
/// <para>Addresses the gatekeeper sends (GCF rasAddress, ACF and LCF callSignalAddress) are real and outside: the
/// inside endpoint reaches them through the NAT, and a call to port 1720 is inspected by its port.</para>
/// </remarks>
public sealed class H323RasAlg : IAlgHandler
{
    private const long RegistrationGroupBase = 0x30000;
    private const string GatekeeperReason = "a gatekeeper-routed call comes from the gatekeeper's ephemeral port (H.225.0 §7.2)";
    private const string AnyCallerReason = "ras-rcf-pinholes: a registered endpoint takes direct calls from any endpoint (ASA inspect h323 map)";

    private readonly H323Endpoints _endpoints;
    private readonly H323Findings _findings = new();

    public H323RasAlg(H323Endpoints endpoints)
    {
        _endpoints = endpoints;
    }

    public AlgDescriptor Descriptor => H323RasAlgDescriptor.Instance;

    public object? CreateSettings(in AlgSettingsSource source) => new H323Settings(in source);

    public object? CreateSession(in AlgFlowContext context) => context.Protocol == IpProtocol.Udp ? new H323RasSession() : null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is not H323RasSession session)
        {
            return;
        }

        var settings = context.SettingsAs<H323Settings>();
        if (settings.StandAside)
        {
            return;
        }

        _findings.Reset();
        var reader = new PerReader(data);
        RasWalker.Read(ref reader, _findings);
        if (reader.Failed)
        {
            output.ReportMalformed(H323DecodeErrorText.Describe(reader.Error));
            return;
        }

        var endpoint = context.Inside.Address;
        var lifetime = _findings.TimeToLive > 0 ? _findings.TimeToLive * NatTimeouts.Second : settings.RegistrationLifetime;
        if (_findings.H460 || _endpoints.UsesTraversal(endpoint, context.Now))
        {
            if (_findings.H460 || _findings.Message == RasBody.RegistrationRequest)
            {
                _endpoints.MarkTraversal(endpoint, context.Now, lifetime);
            }
            else if (_findings.Message == RasBody.UnregistrationConfirm)
            {
                _endpoints.Forget(endpoint);
            }

            output.ReportPartRefused("H.323: an H.460 traversal endpoint's RAS passes untouched and opens nothing (algs.md §4.6)");
            return;
        }

        var fromInside = context.ArrivalSide == FlowSide.Inside;
        if (!fromInside)
        {
            if (_findings.Message == RasBody.RegistrationConfirm && _findings.TimeToLive > 0)
            {
                // The gatekeeper's grant is the registration's life (H.225.0 §7.9.2): the call pinholes follow it.
                for (var i = 0; i < session.Count; i++)
                {
                    output.TryRestrictPinholeGroup(session[i].Group, RegistrationPeer(in context, settings), lifetime);
                }
            }

            return;
        }

        Span<H323Edit> edits = stackalloc H323Edit[H323Findings.DefaultCapacity];
        var count = 0;
        for (var i = 0; i < _findings.Count; i++)
        {
            var field = _findings[i];
            if (field.Ipv6)
            {
                output.ReportPartRefused("H.323: an IPv6 RAS address passes as it is, nothing opens for it (the runtime translates IPv4 only)");
                continue;
            }

            if (field.Address != endpoint)
            {
                if (field.Kind is H323AddressKind.RasAddress or H323AddressKind.CallSignalAddress or H323AddressKind.ReplyAddress or H323AddressKind.SourceCallSignalAddress)
                {
                    output.ReportPartRefused("H.323: a RAS address naming a host other than the sender; left as is, nothing opens (algs.md §0.2 #2)");
                }

                continue;
            }

            switch (field.Kind)
            {
                case H323AddressKind.RasAddress or H323AddressKind.ReplyAddress when field.Port == context.Inside.Port:
                    if (context.Translated)
                    {
                        edits[count++] = new H323Edit(field.Offset, context.Mapped);
                    }

                    break;
                case H323AddressKind.CallSignalAddress when _findings.Message == RasBody.RegistrationRequest:
                    Register(in context, settings, session, in field, lifetime, edits, ref count, ref output);
                    break;
                case H323AddressKind.CallSignalAddress or H323AddressKind.SourceCallSignalAddress:
                    if (context.Translated)
                    {
                        var known = session.TryFind(field.Port, out var registration);
                        edits[count++] = new H323Edit(field.Offset, known ? new AlgEndpoint(registration.PublicAddress, registration.PublicPort) : new AlgEndpoint(context.Mapped.Address, field.Port));
                    }

                    break;
            }
        }

        if (_findings.Message == RasBody.UnregistrationRequest)
        {
            for (var i = 0; i < session.Count; i++)
            {
                output.TryRemovePinholeGroup(session[i].Group);
            }

            session.Clear();
        }

        if (count > 0 && !H323Edit.TryEmit(edits[..count], ref output))
        {
            output.ReportMalformed("H.323: the RAS message's rewrites do not fit the ALG's output; nothing opens");
        }
    }

    /// <summary>RRQ callSignalAddress of the endpoint itself: a public port for it and a persistent pinhole for calls
    /// to it, renewed by each RRQ (Linux: a permanent Q.931 expectation, algs.md §4.3).</summary>
    private static void Register(in AlgFlowContext context, H323Settings settings, H323RasSession session, in H323AddressField field, long lifetime, scoped Span<H323Edit> edits, ref int count, ref AlgOutput output)
    {
        if (field.Port == 0)
        {
            return;
        }

        if (field.Port < 1024)
        {
            output.ReportPartRefused("H.323: a registered call signalling port below 1024; left as is, nothing opens (algs.md §0.2 #4)");
            return;
        }

        var inside = new AlgEndpoint(field.Address, field.Port);
        var mapped = inside;
        if (context.Translated
            && (!context.Nat.TryReserveMapping(IpProtocol.Tcp, inside, new AlgEndpoint(context.Remote.Address, 0), lifetime, out mapped, out _) || mapped.Port < 1024))
        {
            output.ReportPartRefused("H.323: no public port for the registered call signalling address could be reserved; nothing opens");
            return;
        }

        if (mapped != inside)
        {
            edits[count++] = new H323Edit(field.Offset, mapped);
        }

        var group = RegistrationGroupBase + field.Port;
        if (!session.TryPut(new H323Registration(field.Port, mapped.Address, mapped.Port, group)))
        {
            output.ReportPartRefused("H.323: more registered call signalling addresses than the ALG keeps; nothing opens for this one");
            return;
        }

        var pinhole = new ExpectationSpec(
            IpProtocol.Tcp,
            FlowSide.Outside,
            RegistrationPeer(in context, settings),
            mapped.Address,
            mapped.Port,
            inside.Address,
            inside.Port,
            lifetime,
            Persistent: true,
            context.Flow,
            context.OwnerTag,
            group,
            OutlivesMaster: true,
            InspectedBy: H323Translator.Q931Inspector);
        output.TryRemovePinholeGroup(group);
        output.TryRequestPinhole(in pinhole);
    }

    private static ExpectedPeer RegistrationPeer(in AlgFlowContext context, H323Settings settings) =>
        settings.RegistrationFromAnyEndpoint ? ExpectedPeer.UnknownBecause(AnyCallerReason) : ExpectedPeer.AddressOnly(context.Remote.Address, GatekeeperReason);
}
