using System.Globalization;
using System.Text;
using Alg.Policy.Model;
using Alg.Runtime.Nat;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Output;

/// <summary>
/// The lowered IR as text (`alg compile --ir`, the pipeline golden files): every table and step both engines run, each
/// rule with the configuration line it came from, so a reader can check what the data plane will do without reading C#.
/// </summary>
public static class PipelineProgramWriter
{
    public static string Write(PipelineProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var text = new StringBuilder();
        text.Append("program ").Append(program.Fingerprint).Append('\n');
        text.Append("steps from inside: ").Append(string.Join(", ", program.InsideSteps.Select(s => s.Kind))).Append('\n');
        text.Append("steps from outside: ").Append(string.Join(", ", program.OutsideSteps.Select(s => s.Kind))).Append('\n');

        text.Append("interfaces\n");
        foreach (var iface in program.Interfaces)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {iface.Id} {iface.Name} {iface.Role.ToString().ToLowerInvariant()} {iface.Address?.ToString() ?? "no-address"}")
                .Append(" in=").Append(AclName(program, iface.InboundAclId)).Append(iface.InboundAclMatchesRealAddresses ? " (real addresses)" : string.Empty)
                .Append(" out=").Append(AclName(program, iface.OutboundAclId))
                .Append(" acl-mode=").Append(iface.AclMode == AclMode.PerPacket ? "per-packet" : "per-new-connection").Append('\n');
        }

        text.Append("acls\n");
        foreach (var acl in program.Acls)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {acl.Id} {acl.Name}: {acl.Rules.Length} rules\n");
            for (var i = 0; i < acl.Rules.Length; i++)
            {
                var rule = acl.Rules[i];
                text.Append(CultureInfo.InvariantCulture, $"    {i} {(rule.Permit ? "permit" : "deny")} {Protocol(rule.Protocol)}")
                    .Append(" src ").Append(Addresses(rule.Sources)).Append(Ports(rule.SourcePorts))
                    .Append(" dst ").Append(Addresses(rule.Destinations)).Append(Ports(rule.DestinationPorts))
                    .Append(rule.Established ? " established" : string.Empty)
                    .Append("  ; ").Append(rule.Span.ToLocation()).Append('\n');
            }
        }

        text.Append("nat rules, in the order a new flow tries them\n");
        foreach (var rule in program.NatRules)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {rule.Id} {rule.Kind}");
            if (rule.Kind == NatRuleKind.StaticPort)
            {
                text.Append(CultureInfo.InvariantCulture, $" {Protocol(rule.Protocol)} {new Ipv4Address(rule.RealAddress)}:{rule.RealPortValue} <-> {new Ipv4Address(rule.GlobalAddress)}:{rule.MappedPort}");
            }
            else
            {
                text.Append(" match ").Append(rule.MatchAclId >= 0 ? "acl " + program.Acls[rule.MatchAclId].Name : rule.RealAddresses.IsEmpty ? "any" : string.Join(',', rule.RealAddresses))
                    .Append(" -> ").Append(rule.Targets.IsEmpty ? "untranslated" : string.Join(',', rule.Targets));
            }

            text.Append("  ; ").Append(rule.Span.ToLocation()).Append('\n');
        }

        foreach (var skipped in program.SkippedNatRules)
        {
            text.Append("  skipped: ").Append(skipped).Append('\n');
        }

        text.Append("algs\n");
        foreach (var alg in program.Algs)
        {
            var ports = string.Join(',', program.AlgPorts.Where(p => p.AlgId == alg.Id).Select(p => $"{p.Protocol.ToString().ToLowerInvariant()}/{(p.Port == 0 ? "any" : p.Port)}"));
            text.Append(CultureInfo.InvariantCulture, $"  {alg.Id} {alg.Name} ports ").Append(ports.Length > 0 ? ports : "none (pinholes name it)");
            foreach (var (name, value) in alg.Options)
            {
                text.Append(' ').Append(name).Append('=').Append(value);
            }

            text.Append('\n');
        }

        var timers = program.Timeouts;
        text.Append("timers (s) tcp ").Append(Seconds(timers.TcpEstablished)).Append(" tcp-transitory ").Append(Seconds(timers.TcpTransitory))
            .Append(" tcp-syn ").Append(Seconds(timers.TcpSyn)).Append(" tcp-finrst ").Append(Seconds(timers.TcpFinRst))
            .Append(" udp ").Append(Seconds(timers.Udp)).Append(" dns ").Append(Seconds(timers.Dns)).Append(" icmp ").Append(Seconds(timers.Icmp))
            .Append(" gre ").Append(Seconds(timers.Gre)).Append(" sctp ").Append(Seconds(timers.Sctp)).Append('\n');
        if (program.Ipsec != IpsecPassthroughPlan.Off)
        {
            text.Append(CultureInfo.InvariantCulture, $"ipsec-passthrough spi-matching {program.Ipsec.SpiMatching} preserve-ike-port {program.Ipsec.PreserveIkePort} esp-idle {Seconds(timers.Esp)}\n");
        }

        var behavior = program.Behavior;
        text.Append(CultureInfo.InvariantCulture, $"behavior mapping {behavior.Mapping} filtering {behavior.Filtering} port-preservation {behavior.PortPreservation} consistent {behavior.ConsistentNat} hairpinning {behavior.Hairpinning}\n");
        var limits = program.Limits;
        text.Append("limits max-entries ").Append(limits.MaxEntries?.ToString(CultureInfo.InvariantCulture) ?? "none")
            .Append(" per-host ").Append(limits.PerHostDefault?.ToString(CultureInfo.InvariantCulture) ?? "none");
        foreach (var host in limits.PerHost.IsDefault ? [] : limits.PerHost)
        {
            text.Append(CultureInfo.InvariantCulture, $" {host.Host}={host.MaxEntries}");
        }

        text.Append('\n');
        return text.ToString();
    }

    private static string AclName(PipelineProgram program, int id) => id < 0 ? "-" : program.Acls[id].Name;

    private static string Protocol(byte protocol) => protocol switch
    {
        0 => "ip",
        1 => "icmp",
        6 => "tcp",
        17 => "udp",
        _ => protocol.ToString(CultureInfo.InvariantCulture),
    };

    private static string Addresses(System.Collections.Immutable.ImmutableArray<AddressMatch> matches) =>
        matches.IsDefaultOrEmpty ? "any" : string.Join(',', matches);

    private static string Ports(System.Collections.Immutable.ImmutableArray<PortRange> ports) =>
        ports.IsDefaultOrEmpty ? string.Empty : " port " + string.Join(',', ports);

    private static string Seconds(long nanoseconds) =>
        nanoseconds == NatTimeouts.Never ? "never" : (nanoseconds / NatTimeouts.Second).ToString(CultureInfo.InvariantCulture);
}
