using System.Collections.Immutable;
using System.Globalization;
using Alg.Grammar.Common;
using Alg.Grammar.ScreenOs.Ast;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Antlr4.Runtime;
using static Alg.Grammar.ScreenOs.ScreenOsParser;

namespace Alg.Grammar.ScreenOs;

/// <summary>Turns one parsed ScreenOS line into its AST statement. ANTLR contexts go no further than this class.</summary>
internal sealed class ScreenOsAstBuilder(SpanFactory spans, DiagnosticBag diagnostics)
{
    private readonly TokenValues _values = new(spans, diagnostics);

    public LineResult Build(ParserRuleContext line) => line switch
    {
        Global_lineContext global => BuildGlobal(global),
        Policy_context_lineContext child => LineResult.Of(new ScreenOsContextSetting(
            child.op.Type == UNSET, Unquote(child.setting.Text).ToLowerInvariant(), Values(child._rest), Subject(child._rest), spans.Of(child))),
        Vrouter_context_lineContext child => LineResult.Of(new ScreenOsContextSetting(
            child.op.Type == UNSET, Unquote(child.setting.Text).ToLowerInvariant(), Values(child._rest), Subject(child._rest), spans.Of(child))),
        _ => throw new InvalidOperationException($"no builder for {line.GetType().Name}"),
    };

    private LineResult BuildGlobal(Global_lineContext line)
    {
        var span = spans.Of(line);
        var child = (ParserRuleContext)line.GetChild(0);
        switch (child)
        {
            case Exit_lineContext:
                return new LineResult(new SessionCommand(SessionCommandKind.Exit, "exit", span), Exit: 1);
            case Hostname_lineContext hostname:
                return LineResult.Of(new ScreenOsHostname(hostname.op.Type == UNSET, hostname.name is null ? null : Name(hostname.name), span));
            case Interface_lineContext iface:
                return LineResult.Of(BuildInterface(iface));
            case Alg_switchContext algSwitch:
                return LineResult.Of(new ScreenOsAlgSwitch(
                    algSwitch.op.Type == UNSET, Lower(algSwitch.name), algSwitch.feature is null ? null : Lower(algSwitch.feature), span));
            case Alg_optionContext algOption:
                return LineResult.Of(new ScreenOsAlgOption(
                    algOption.op.Type == UNSET, Lower(algOption.name), Lower(algOption.option), [.. algOption._values.Select(Name)], span));
            case Zone_lineContext zone:
                return LineResult.Of(new ScreenOsZone(zone.op.Type == UNSET, Name(zone.name), zone.zone_id is not null || zone.define is not null, Values(zone._rest), span));
            case Group_addressContext group:
                return LineResult.Of(new ScreenOsAddressGroup(
                    group.op.Type == UNSET, Name(group.zone), Name(group.name), group.member is null ? null : Name(group.member),
                    group.REMOVE() is not null || (group.op.Type == UNSET && group.member is not null), Values(group._rest), span));
            case Group_serviceContext group:
                return LineResult.Of(new ScreenOsServiceGroup(
                    group.op.Type == UNSET, Name(group.name), group.member is null ? null : Name(group.member),
                    group.REMOVE() is not null || (group.op.Type == UNSET && group.member is not null), Values(group._rest), span));
            case Address_lineContext address:
                return LineResult.Of(BuildAddress(address));
            case Policy_ruleContext policy:
                return LineResult.Of(BuildPolicy(policy));
            case Policy_deleteContext delete:
                return LineResult.Of(new ScreenOsPolicyDelete(Int(delete.id), span));
            case Policy_settingContext setting:
                return LineResult.Of(new ScreenOsPolicySetting(
                    setting.op.Type == UNSET, Int(setting.id), Unquote(setting.setting.Text).ToLowerInvariant(), Values(setting._rest), span));
            case Policy_disableContext disable:
                return LineResult.Of(new ScreenOsPolicyDisable(disable.op.Type == UNSET, Int(disable.id), span));
            case Policy_context_headerContext header:
                var id = Int(header.id);
                return LineResult.Block(ScreenOsFrontEnd.PolicyContext, children => new ScreenOsPolicyContext(id, span, children));
            case Vrouter_context_headerContext vrouterHeader:
                var vrouter = Name(vrouterHeader.name);
                return LineResult.Block(ScreenOsFrontEnd.VrouterContext, children => new ScreenOsVrouterContext(vrouter, span, children));
            case Vrouter_lineContext vrouterLine:
                return LineResult.Of(new ScreenOsVrouter(vrouterLine.op.Type == UNSET, Name(vrouterLine.name), Values(vrouterLine._rest), span));
            case Service_lineContext service:
                return LineResult.Of(new ScreenOsService(service.op.Type == UNSET, Name(service.name), [.. service._rest.Select(Name)], span));
            default:
                throw new InvalidOperationException($"no builder for {child.GetType().Name}");
        }
    }

    private Statement BuildInterface(Interface_lineContext line)
    {
        var span = spans.Of(line);
        switch (line)
        {
            case If_zoneContext zone:
                return new ScreenOsInterfaceZone(zone.op.Type == UNSET, Name(zone.name), Name(zone.zone), zone.tag is null ? null : Int(zone.tag).Value, span);
            case If_ipContext ip:
                var prefix = ip.prefix is not null ? ParsePrefix(ip.prefix)
                    : new Ipv4Prefix(ParseAddress(ip.address), Math.Max(0, Mask(ip.mask).ToPrefixLength()));
                return new ScreenOsInterfaceAddress(ip.op.Type == UNSET, Name(ip.name), prefix, span);
            case If_modeContext mode:
                return new ScreenOsInterfaceMode(mode.op.Type == UNSET, Name(mode.name), mode.kind.Type == NAT, span);
            case If_mipContext mip:
                return new ScreenOsMip(
                    mip.op.Type == UNSET, Name(mip.name), LocatedAddress(mip.mapped), LocatedAddress(mip.host),
                    mip.mask is null ? new Ipv4Address(uint.MaxValue) : Mask(mip.mask), mip.vrouter is null ? null : Name(mip.vrouter), span);
            case If_dipContext dip:
                AddressRange? range = null;
                if (dip.first is not null)
                {
                    var first = ParseAddress(dip.first);
                    var last = dip.last is null ? first : ParseAddress(dip.last);
                    if (last.Value < first.Value)
                    {
                        diagnostics.Add(DiagnosticCatalog.InvalidValue, spans.Of(dip.first, dip.last!), $"{dip.first.Text} {dip.last!.Text}", "address range (first above last)");
                        last = first;
                    }

                    range = new AddressRange(first, last);
                }

                var options = Values(dip._options);
                return new ScreenOsDip(dip.op.Type == UNSET, Name(dip.name), Int(dip.id), range, options.Contains("fix-port"), options, span);
            case If_otherContext other:
                return new ScreenOsInterfaceSetting(other.op.Type == UNSET, Name(other.name), Unquote(other.setting.GetText()).ToLowerInvariant(), Values(other._rest), span);
            default:
                throw new InvalidOperationException();
        }
    }

    private ScreenOsAddress BuildAddress(Address_lineContext address)
    {
        AddressRange? range = null;
        if (address.prefix is not null)
        {
            var prefix = ParsePrefix(address.prefix);
            range = AddressRange.Subnet(prefix.Address, Ipv4Address.FromPrefixLength(prefix.Length));
        }
        else if (address.address is not null)
        {
            range = AddressRange.Subnet(ParseAddress(address.address), Mask(address.mask));
        }

        return new ScreenOsAddress(
            address.op.Type == UNSET, Name(address.zone), Name(address.name), range, address.fqdn?.Text,
            address.comment is null ? null : Unquote(address.comment.Text), spans.Of(address));
    }

    private ScreenOsPolicy BuildPolicy(Policy_ruleContext policy)
    {
        ScreenOsPolicyNat? nat = null;
        if (policy.policy_nat() is { } natContext)
        {
            AddressRange? destination = null;
            if (natContext.dst_first is not null)
            {
                var first = ParseAddress(natContext.dst_first);
                destination = new AddressRange(first, natContext.dst_last is null ? first : ParseAddress(natContext.dst_last));
            }

            nat = new ScreenOsPolicyNat(
                natContext.SRC() is not null, natContext.dip is null ? null : Int(natContext.dip), destination,
                natContext.dst_port is null ? null : Int(natContext.dst_port));
        }

        return new ScreenOsPolicy(
            policy.op.Type == UNSET,
            policy.id is null ? null : Int(policy.id),
            policy.name is null ? null : Unquote(policy.name.GetText()),
            Name(policy.from_zone),
            Name(policy.to_zone),
            Name(policy.source),
            Name(policy.destination),
            Name(policy.service),
            nat,
            Lower(policy.action),
            Values(policy._rest),
            spans.Of(policy));
    }

    private static string Unquote(string text) => TokenValues.Unquote(text);

    private static ImmutableArray<string> Values(IEnumerable<VariableContext> values) => [.. values.Select(v => Unquote(v.GetText()))];

    private Located<string>? Subject(IList<VariableContext> values) => values.Count == 0 ? null : Name(values[0]);

    private Located<string> Name(VariableContext variable) => new(Unquote(variable.GetText()), spans.Of(variable));

    private Located<string> Lower(VariableContext variable) => new(Unquote(variable.GetText()).ToLowerInvariant(), spans.Of(variable));

    private Located<int> Int(IToken token) => _values.Int(token);

    private Located<Ipv4Address> LocatedAddress(IToken token) => _values.LocatedAddress(token);

    private Ipv4Address ParseAddress(IToken token) => _values.ParseAddress(token);

    private Ipv4Address Mask(IToken token) => _values.Mask(token);

    private Ipv4Prefix ParsePrefix(IToken token) => _values.ParsePrefix(token);
}
