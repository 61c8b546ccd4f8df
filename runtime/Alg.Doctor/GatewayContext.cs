using Alg.Compiler;
using Alg.Compiler.Lint;
using Alg.Grammar.Common;
using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Doctor;

/// <summary>
/// What a configuration tells the doctor: which addresses are inside and which the gateway owns outside, and
/// the SIP ALG's state with the line that decides it, so a cause can name that line and the one that fixes it.
/// </summary>
public sealed class GatewayContext
{
    private const string SipAlgName = "sip";
    private const string H323 = "h323";
    private const string H323AlgName = "h323-q931";

    private readonly SourceText _source;

    public GatewayContext(PolicyModel policy, SourceText source)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(source);
        Policy = policy;
        _source = source;
    }

    public PolicyModel Policy { get; }

    public string File => _source.Path;

    public AlgPolicy? SipAlg => Policy.FindAlg(SipAlgName);

    /// <summary>A configuration that loaded without errors, or an exception naming why not.</summary>
    public static GatewayContext FromLoad(LoadResult load)
    {
        ArgumentNullException.ThrowIfNull(load);
        return load.Policy is { } policy && load.Source is { } source
            ? new GatewayContext(policy, source)
            : throw new ArgumentException("the configuration has errors", nameof(load));
    }

    public bool IsInside(Ipv4Address address) => InsideInterfaceFor(address) is not null;

    public InterfacePolicy? InsideInterfaceFor(Ipv4Address address) =>
        Policy.Interfaces.FirstOrDefault(i => i.Role == InterfaceRole.Inside && i.Address is { } prefix && prefix.Contains(address));

    /// <summary>The addresses the gateway translates to: its outside interfaces' own addresses and its NAT pools.</summary>
    public bool OwnsOutside(string address)
    {
        if (!Ipv4Address.TryParse(address, out var parsed))
        {
            return false;
        }

        return Policy.Interfaces.Any(i => i.Role == InterfaceRole.Outside && i.Address is { } prefix && prefix.Address == parsed)
            || Policy.NatPools.Any(p => p.Addresses.Contains(parsed));
    }

    public string OutsideAddressList() =>
        string.Join(", ", Policy.Interfaces.Where(i => i.Role == InterfaceRole.Outside && i.Address is not null).Select(i => $"{i.Address!.Value.Address} ({i.Name})")
            .Concat(Policy.NatPools.Select(p => $"pool {p.Name} {p.Addresses}")));

    /// <summary>Advice when the SIP ALG should have translated the SDP and did not (RFC 3235 §4.1 / RFC 3261 NAT traversal).</summary>
    public ConfigAdvice SipAlgShouldBeOn(string transport) => AlgShouldBeOn("sip", transport);

    /// <summary>Advice when the SIP ALG rewrote an address it should have left alone.</summary>
    public ConfigAdvice SipAlgShouldBeOff(string transport) => AlgShouldBeOff("sip", transport);

    /// <summary>The ALG that translates a signalling protocol's media addresses: SIP's, or H.323's call signalling ALG
    /// (the binders turn the Q.931, H.245 and RAS ALGs on and off together).</summary>
    public AlgPolicy? AlgFor(string protocol) => Policy.FindAlg(protocol == H323 ? H323AlgName : SipAlgName);

    /// <summary>Advice when the protocol's ALG should have translated a media address and did not.</summary>
    public ConfigAdvice AlgShouldBeOn(string protocol, string transport)
    {
        var (name, what, port) = Words(protocol);
        var alg = AlgFor(protocol);
        if (alg is null)
        {
            return new ConfigAdvice(File, 0, null, false, $"{Dialect} has no {name} this configuration can turn on", []);
        }

        if (alg.Enabled)
        {
            return Advice(alg, transport, $"the configuration turns the {name} on ({Where(alg, transport)}), yet the {what} was not translated: the capture was not made through a gateway running this configuration, or the {(protocol == H323 ? "call signalling" : "SIP")} used a port the ALG does not inspect ({string.Join(", ", alg.Ports)})", []);
        }

        var configured = alg.Ports.FirstOrDefault(p => Transport(p) == transport);
        var fix = DialectFixes.TurnOn(Policy.Dialect, alg, configured.Port != 0 ? configured : protocol == H323 ? port : port with { Protocol = TransportOf(transport) });
        return Advice(alg, transport, $"the {name} is off ({Where(alg, transport)}), so nothing rewrites the private address in the {what}", fix);
    }

    /// <summary>Advice when the protocol's ALG rewrote an address it should have left alone.</summary>
    public ConfigAdvice AlgShouldBeOff(string protocol, string transport)
    {
        var (name, what, _) = Words(protocol);
        var alg = AlgFor(protocol);
        if (alg is null || !alg.Enabled)
        {
            var where = alg is null ? $"it has no {name}" : $"it turns the {name} off ({Where(alg, transport)})";
            return new ConfigAdvice(File, alg is null ? 0 : LineFor(alg, transport).Line, alg is null ? null : LineText(LineFor(alg, transport)), false, $"not this configuration: {where}; another device on the path rewrote the {what}", []);
        }

        var fix = DialectFixes.TurnOff(Policy.Dialect, alg);
        var forTransport = fix.Where(line => line.Contains($" {transport} ", StringComparison.Ordinal)).ToList();
        return Advice(alg, transport, $"the {name} is on ({Where(alg, transport)}) and rewrote the {what}", forTransport.Count > 0 ? forTransport : fix);
    }

    private static (string Name, string What, AlgPort Port) Words(string protocol) => protocol == H323
        ? ("H.323 ALG", "H.323 signalling", new AlgPort(TransportProtocol.Tcp, 1720))
        : ("SIP ALG", "SDP", new AlgPort(TransportProtocol.Udp, 5060));

    private Dialect Dialect => Policy.Dialect;

    private ConfigAdvice Advice(AlgPolicy alg, string transport, string explanation, IReadOnlyList<string> fix)
    {
        var span = LineFor(alg, transport);
        return new ConfigAdvice(File, span.IsNone ? 0 : span.Line, span.IsNone ? null : LineText(span), span.IsNone && alg.DefaultIsInferred, explanation, fix);
    }

    private string Where(AlgPolicy alg, string transport)
    {
        var span = LineFor(alg, transport);
        if (!span.IsNone)
        {
            return $"line {span.Line}: {LineText(span)}";
        }

        return alg.DefaultIsInferred
            ? $"no line says so: {DialectNames.Display(Dialect)}'s default, inferred"
            : $"no line says so: {DialectNames.Display(Dialect)}'s default";
    }

    /// <summary>The line that decided the ALG for this transport: IOS writes one line per transport and port.</summary>
    private SourceSpan LineFor(AlgPolicy alg, string transport)
    {
        if (alg.Source.IsNone)
        {
            return SourceSpan.None;
        }

        var matching = alg.Spans.LastOrDefault(s => !s.IsNone && ($" {LineText(s)} ").Contains($" {transport} ", StringComparison.OrdinalIgnoreCase));
        return matching.IsNone || matching.Line == 0 ? alg.Source : matching;
    }

    private string LineText(SourceSpan span) => _source.GetLine(span.Line).Trim();

    private static string Transport(AlgPort port) => port.Protocol.ToString().ToLowerInvariant();

    private static TransportProtocol TransportOf(string transport) => transport == "tcp" ? TransportProtocol.Tcp : TransportProtocol.Udp;
}
