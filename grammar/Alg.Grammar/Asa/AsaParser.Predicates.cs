using System.Collections.Frozen;

namespace Alg.Grammar.Asa;

// The generated half of this class carries [CLSCompliant(false)]; the assembly declares no CLS compliance.
#pragma warning disable CS3021

/// <summary>
/// Closed word lists for the inspect-map sub-modes. Their lines have no common keyword, so without a list
/// a global command after an inspect map would be read as one of its parameters.
/// </summary>
public partial class AsaParser
{
    private static readonly FrozenSet<string> InspectParameters = new[]
    {
        // SIP
        "im", "ip-address-privacy", "max-forwards-validation", "rtp-conformance", "software-version", "state-checking",
        "strict-header-validation", "traffic-non-sip", "uri-non-sip", "trust-verification-server",
        // DNS
        "message-length", "dns-guard", "protocol-enforcement", "nat-rewrite", "id-randomization", "id-mismatch", "tsig",
        "dynamic-filter-snoop",
        // DCERPC, SunRPC, MGCP, H.323, ...
        "timeout", "endpoint-mapper", "call-agent", "gateway", "command-queue", "ras-rcf-pinholes", "early-message",
        "h245-tunnel-block", "call-party-number", "call-duration-limit", "state-checking",
        // ESMTP, FTP, HTTP
        "mask-banner", "mail-relay", "special-character", "allow-tls", "mask-syst-reply", "body-match-maximum",
        "spoof-server", "protocol-violation",
        // IP options
        "eool", "nop", "router-alert", "default",
        // Skinny, RTSP, GTP, NetBIOS, SNMP, ...
        "enforce-registration", "message-id-max", "sccp-prefix-len", "reserve-port-protect", "url-length-limit",
        "permit-errors", "request-queue", "tunnel-limit", "handoff-group", "permit-response",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> InspectActions = new[]
    {
        "drop", "drop-connection", "reset", "log", "mask", "rate-limit", "send-protocol-error", "permit",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Names of `object-group service` groups seen so far: the parser reads the file's lines in order, and the ASA
    // accepts a group in an ACL only once it is defined.
    private readonly HashSet<string> _serviceGroups = new(StringComparer.Ordinal);

    // Names asked about before they were defined: a parser that starts in the middle of the file (a second reader,
    // LineFrontEnd) read these lines as a one-reader parse would only if no earlier line defines one of them.
    private readonly HashSet<string> _serviceGroupMisses = new(StringComparer.Ordinal);

    /// <summary>This parser, started in the middle of the file, read its lines as it would have after <paramref name="earlier"/>'s.</summary>
    internal bool ReadsAsAfter(AsaParser earlier) => !_serviceGroupMisses.Overlaps(earlier._serviceGroups);

    private void RememberGroup(string kind, string name)
    {
        if (string.Equals(kind, "service", StringComparison.OrdinalIgnoreCase))
        {
            _serviceGroups.Add(name);
        }
    }

    // At `object-group NAME`: is NAME a service group?
    private bool IsServiceGroupNext()
    {
        if (TokenStream.LT(2)?.Text is not { } name)
        {
            return false;
        }

        if (_serviceGroups.Contains(name))
        {
            return true;
        }

        _serviceGroupMisses.Add(name);
        return false;
    }

    // An IPv6 address or prefix (`2001:db8::/64`): a word with a colon, which no ACL keyword or name alias has.
    private bool IsIpv6Next() => TokenStream.LT(1)?.Text is { } text && text.Contains(':', StringComparison.Ordinal);

    private bool IsInspectParameter() => NextWord() is { } word && InspectParameters.Contains(word);

    private bool IsInspectAction() => NextWord() is { } word && InspectActions.Contains(word);

    // The first word after an optional "no".
    private string? NextWord()
    {
        var first = TokenStream.LT(1);
        if (first is null)
        {
            return null;
        }

        return first.Type == NO ? TokenStream.LT(2)?.Text : first.Text;
    }
}
#pragma warning restore CS3021
