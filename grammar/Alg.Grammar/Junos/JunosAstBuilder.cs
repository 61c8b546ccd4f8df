using System.Collections.Immutable;
using System.Globalization;
using Alg.Grammar.Common;
using Alg.Grammar.Junos.Ast;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Antlr4.Runtime;
using static Alg.Grammar.Junos.JunosParser;

namespace Alg.Grammar.Junos;

/// <summary>Turns one parsed Junos line into its AST statement. ANTLR contexts go no further than this class.</summary>
internal sealed class JunosAstBuilder(SpanFactory spans, DiagnosticBag diagnostics)
{
    private readonly TokenValues _values = new(spans, diagnostics);

    public LineResult Build(ParserRuleContext line) => line switch
    {
        Global_lineContext global => LineResult.Of(BuildGlobal(global)),
        _ => throw new InvalidOperationException($"no builder for {line.GetType().Name}"),
    };

    private Statement BuildGlobal(Global_lineContext line)
    {
        var span = spans.Of(line);
        var child = (ParserRuleContext)line.GetChild(0);
        return child switch
        {
            Host_name_lineContext host => new JunosHostName(Op(host.op), Name(host.name), span),
            If_addressContext address => new JunosInterfaceAddress(
                Op(address.op), Name(address.name), Int(address.unit), ParsePrefix(address.prefix), span),
            If_otherContext other => new JunosInterfaceSetting(Op(other.op), Name(other.name), Words(other._words), span),
            Zone_interfaceContext zone => new JunosZoneInterface(Op(zone.op), Name(zone.zone), Name(zone.interface_name), span),
            Zone_otherContext zone => new JunosZoneSetting(Op(zone.op), Name(zone.zone), Words(zone._words), span),
            Zones_otherContext zones => new JunosZoneSetting(Op(zones.op), null, Words(zones._words), span),
            Nat_pool_addressContext pool => new JunosNatPool(
                Op(pool.op), Kind(pool.kind), Name(pool.pool), Address(pool.first), pool.last is null ? null : Address(pool.last),
                pool.port is null ? null : Int(pool.port), span),
            Nat_pool_otherContext pool => new JunosNatPoolSetting(Op(pool.op), Kind(pool.kind), Name(pool.pool), Words(pool._words), span),
            Nat_rule_set_contextContext context => new JunosNatRuleSetContext(
                Op(context.op), Kind(context.kind), Name(context.rule_set), context.direction.Type == FROM,
                context.context.Type switch
                {
                    ZONE => JunosNatContextType.Zone,
                    INTERFACE => JunosNatContextType.Interface,
                    _ => JunosNatContextType.RoutingInstance,
                },
                [.. context._names.Select(Name)], span),
            Nat_rule_matchContext match => new JunosNatRuleMatch(
                Op(match.op), Kind(match.kind), Name(match.rule_set), Name(match.rule), Lower(match.field), [.. match._values.Select(Name)], span),
            Nat_rule_thenContext then => new JunosNatRuleThen(
                Op(then.op), Kind(then.kind), Name(then.rule_set), Name(then.rule), Lower(then.action), [.. then._values.Select(Name)], span),
            Nat_proxy_arpContext arp => new JunosProxyArp(
                Op(arp.op), Name(arp.interface_name), Address(arp.first), arp.last is null ? null : Address(arp.last), span),
            Nat_otherContext other => new JunosNatSetting(Op(other.op), Words(other._words), span),
            Alg_disableContext disable => new JunosAlgDisable(Op(disable.op), Lower(disable.alg), span),
            Alg_optionContext option => new JunosAlgOption(Op(option.op), Lower(option.alg), Lower(option.option), [.. option._values.Select(Name)], span),
            Alg_bareContext bare => new JunosAlgReset(Op(bare.op), bare.alg is null ? null : Lower(bare.alg), span),
            Security_policy_lineContext policy => new JunosSecurityPolicy(Op(policy.op), Words(policy._words), span),
            Address_book_lineContext book => new JunosSecurityPolicy(Op(book.op), ["address-book", .. Words(book._words)], span),
            Application_definitionContext application => new JunosApplication(Op(application.op), Name(application.name), [.. application._values.Select(Name)], span),
            Application_set_definitionContext set => new JunosApplicationSet(Op(set.op), Name(set.name), [.. set._values.Select(Name)], span),
            Applications_otherContext other => new JunosApplicationsSetting(Op(other.op), Words(other._words), span),
            _ => throw new InvalidOperationException($"no builder for {child.GetType().Name}"),
        };
    }

    private static JunosOperation Op(OperationContext op) => op.Start.Type switch
    {
        SET => JunosOperation.Set,
        DELETE => JunosOperation.Delete,
        DEACTIVATE => JunosOperation.Deactivate,
        _ => JunosOperation.Activate,
    };

    private static JunosNatKind Kind(IToken kind) => kind.Type switch
    {
        SOURCE => JunosNatKind.Source,
        DESTINATION => JunosNatKind.Destination,
        _ => JunosNatKind.Static,
    };

    private static string Unquote(string text) => TokenValues.Unquote(text);

    // The catch-all word lists are token lists (`words+=~NEWLINE*`), not a rule per word: a parse-tree context for
    // each word of every `set security policies ...` line was most of what parsing Junos allocated.
    private static ImmutableArray<string> Words(IList<IToken> words)
    {
        var builder = ImmutableArray.CreateBuilder<string>(words.Count);
        foreach (var word in words)
        {
            builder.Add(Unquote(word.Text));
        }

        return builder.MoveToImmutable();
    }

    private Located<string> Name(VariableContext variable) => new(Unquote(variable.GetText()), spans.Of(variable));

    private Located<string> Lower(VariableContext variable) => new(Unquote(variable.GetText()).ToLowerInvariant(), spans.Of(variable));

    private Located<int> Int(IToken token) => _values.Int(token);

    // A bare address in a pool or proxy-arp entry is a /32.
    private Ipv4Prefix Address(Address_valueContext value)
    {
        var token = value.Start;
        if (token.Type == IP_PREFIX)
        {
            return ParsePrefix(token);
        }

        if (Ipv4Address.TryParse(token.Text, out var address))
        {
            return new Ipv4Prefix(address, 32);
        }

        diagnostics.Add(DiagnosticCatalog.InvalidValue, spans.Of(token), token.Text, "IPv4 address");
        return new Ipv4Prefix(Ipv4Address.Any, 32);
    }

    private Ipv4Prefix ParsePrefix(IToken token) => _values.ParsePrefix(token);
}
