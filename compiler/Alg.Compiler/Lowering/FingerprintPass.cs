using System.Security.Cryptography;
using System.Text;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>
/// Hashes the lowered content (not the source text or line numbers), so two configurations that mean the
/// same thing share a fingerprint and a compiled pipeline can be reused.
/// </summary>
public sealed class FingerprintPass : ILoweringPass
{
    public string Name => "fingerprint";

    public void Run(LoweringState state)
    {
        var text = new StringBuilder();
        foreach (var iface in state.Interfaces)
        {
            text.Append("if ").Append(iface.Name).Append(' ').Append(iface.Role).Append(' ').Append(iface.Address).Append(' ')
                .Append(iface.InboundAclId).Append(' ').Append(iface.OutboundAclId).Append(' ').Append(iface.InboundAclMatchesRealAddresses).Append(' ').Append(iface.AclMode).Append('\n');
        }

        foreach (var acl in state.Acls)
        {
            text.Append("acl ").Append(acl.Id).Append('\n');
            foreach (var rule in acl.Rules)
            {
                text.Append(rule.Permit).Append(' ').Append(rule.Protocol).Append(' ')
                    .Append(string.Join(',', rule.Sources)).Append(' ').Append(string.Join(',', rule.SourcePorts)).Append(' ')
                    .Append(string.Join(',', rule.Destinations)).Append(' ').Append(string.Join(',', rule.DestinationPorts)).Append(' ')
                    .Append(rule.Established).Append('\n');
            }
        }

        foreach (var rule in state.NatRules)
        {
            text.Append("nat ").Append(rule.Kind).Append(' ').Append(rule.MatchAclId).Append(' ')
                .Append(string.Join(',', rule.RealAddresses)).Append(' ').Append(rule.Protocol).Append(' ').Append(rule.RealPort).Append(' ')
                .Append(string.Join(',', rule.Targets)).Append(' ').Append(rule.MappedPort).Append('\n');
        }

        foreach (var alg in state.Algs)
        {
            text.Append("alg ").Append(alg.Name);
            foreach (var (name, value) in alg.Options)
            {
                text.Append(' ').Append(name).Append('=').Append(value);
            }

            text.Append('\n');
        }

        foreach (var binding in state.AlgPorts)
        {
            text.Append("port ").Append(binding.Protocol).Append(' ').Append(binding.Port).Append(' ').Append(binding.AlgId).Append('\n');
        }

        var timers = state.Timeouts;
        text.Append("timers ").Append(timers.TcpEstablished).Append(' ').Append(timers.TcpTransitory).Append(' ').Append(timers.TcpSyn).Append(' ')
            .Append(timers.TcpFinRst).Append(' ').Append(timers.Udp).Append(' ').Append(timers.Dns).Append(' ').Append(timers.Icmp).Append(' ')
            .Append(timers.Gre).Append(' ').Append(timers.Sctp).Append('\n');
        if (state.Ipsec != IpsecPassthroughPlan.Off)
        {
            // Only when on, so configurations without it keep the fingerprints they had.
            text.Append("ipsec ").Append(state.Ipsec.SpiMatching).Append(' ').Append(state.Ipsec.PreserveIkePort).Append(' ').Append(timers.Esp).Append('\n');
        }

        var behavior = state.Policy.Behavior;
        text.Append("behavior ").Append(behavior.Mapping).Append(' ').Append(behavior.Filtering).Append(' ').Append(behavior.PortPreservation).Append(' ')
            .Append(behavior.ConsistentNat).Append(' ').Append(behavior.Hairpinning).Append('\n');
        var limits = state.Policy.Limits;
        text.Append("limits ").Append(limits.MaxEntries).Append(' ').Append(limits.PerHostDefault).Append(' ')
            .Append(string.Join(',', (limits.PerHost.IsDefault ? [] : limits.PerHost).Select(l => $"{l.Host}={l.MaxEntries}"))).Append('\n');
        text.Append("steps ").Append(string.Join(',', state.InsideSteps.Select(s => s.Kind))).Append(" / ").Append(string.Join(',', state.OutsideSteps.Select(s => s.Kind)));
        state.Fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }
}
