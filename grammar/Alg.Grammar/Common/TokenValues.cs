using System.Globalization;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Antlr4.Runtime;

namespace Alg.Grammar.Common;

/// <summary>
/// Values read from tokens, the same way in every dialect: numbers, addresses, masks, prefixes, ports.
/// A value that has the right token shape but is wrong (an octet of 300, a mask with holes) becomes
/// diagnostic ALG1010 and a harmless stand-in, so building the AST never fails.
/// </summary>
public sealed class TokenValues(SpanFactory spans, DiagnosticBag diagnostics)
{
    /// <summary>Digits that overflow an int are out of every range lint checks; clamping lets lint report them.</summary>
    public static int ParseInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : int.MaxValue;

    /// <summary>ScreenOS and Junos quote names that contain spaces; the quotes are not part of the name.</summary>
    public static string Unquote(string text) => text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;

    public Located<int> Int(IToken token) => new(ParseInt(token.Text), spans.Of(token));

    public Located<long> Long(IToken token) =>
        new(long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : long.MaxValue, spans.Of(token));

    public Located<Ipv4Address> LocatedAddress(IToken token) => new(ParseAddress(token), spans.Of(token));

    public Ipv4Address ParseAddress(IToken token) => ParseAddress(token, token.Text);

    /// <summary>An address written inside a larger token (a range "A-B"), reported at that token.</summary>
    public Ipv4Address ParseAddress(IToken token, string text)
    {
        if (Ipv4Address.TryParse(text, out var address))
        {
            return address;
        }

        diagnostics.Add(DiagnosticCatalog.InvalidValue, spans.Of(token), text, "IPv4 address");
        return Ipv4Address.Any;
    }

    /// <summary>A netmask; one with holes is reported and read as a host mask.</summary>
    public Ipv4Address Mask(IToken token)
    {
        var mask = ParseAddress(token);
        if (mask.ToPrefixLength() < 0)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidValue, spans.Of(token), token.Text, "netmask (its one bits must be contiguous)");
            return new Ipv4Address(uint.MaxValue);
        }

        return mask;
    }

    public Ipv4Prefix Prefix(IToken address, IToken mask) => new(ParseAddress(address), Mask(mask).ToPrefixLength());

    /// <summary>An "address/length" token.</summary>
    public Ipv4Prefix ParsePrefix(IToken token)
    {
        var slash = token.Text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !Ipv4Address.TryParse(token.Text.AsSpan(0, slash), out var address)
            || !int.TryParse(token.Text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > 32)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidValue, spans.Of(token), token.Text, "address/length");
            return new Ipv4Prefix(Ipv4Address.Any, 32);
        }

        return new Ipv4Prefix(address, length);
    }

    /// <summary>A port number or one of Cisco's port names; an unknown name is ALG2004 with a suggestion.</summary>
    public Located<int> Port(string text, SourceSpan span)
    {
        if (!WellKnownPorts.TryPort(text, out var number))
        {
            diagnostics.Add(DiagnosticCatalog.UnknownPortName, span, text, Suggestions.DidYouMean(text, WellKnownPorts.PortNames));
        }

        return new Located<int>(number, span);
    }
}
