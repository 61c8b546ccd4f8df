namespace Alg.Policy.Diagnostics;

/// <summary>
/// Every diagnostic Alg can report. Codes are stable and grouped by stage:
/// ALG1xxx reading and parsing, ALG2xxx binding to the policy, ALG3xxx lint, ALG4xxx capture and runtime,
/// ALG5xxx engines and reload. docs/lint-rules.md documents each code with an example.
/// </summary>
public static class DiagnosticCatalog
{
    // ---- ALG1xxx: reading and parsing ----
    public static readonly DiagnosticDescriptor UnrecognizedLine = new(
        "ALG1001", DiagnosticSeverity.Warning, "Unrecognised line", "unrecognised {0} line '{1}' is ignored");

    public static readonly DiagnosticDescriptor MalformedLine = new(
        "ALG1002", DiagnosticSeverity.Error, "Malformed line", "malformed {0} line: unexpected '{1}'{2}");

    public static readonly DiagnosticDescriptor NotText = new(
        "ALG1003", DiagnosticSeverity.Error, "Not a text file", "the file is not text (it contains binary data); nothing was loaded");

    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "ALG1004", DiagnosticSeverity.Error, "File too large", "the file is {0} bytes, above the {1}-byte limit; nothing was loaded");

    public static readonly DiagnosticDescriptor EmptyConfiguration = new(
        "ALG1005", DiagnosticSeverity.Warning, "Empty configuration", "the file holds no configuration lines; every setting takes the {0} default");

    public static readonly DiagnosticDescriptor DialectGuessed = new(
        "ALG1006", DiagnosticSeverity.Info, "Dialect not evident", "nothing in the file identifies its dialect; reading it as {0} (use --dialect to choose)");

    public static readonly DiagnosticDescriptor TooManyUnrecognized = new(
        "ALG1007", DiagnosticSeverity.Warning, "Too many unrecognised lines", "{0} more unrecognised lines are not listed");

    public static readonly DiagnosticDescriptor CannotRead = new(
        "ALG1008", DiagnosticSeverity.Error, "Cannot read file", "cannot read the file: {0}");

    public static readonly DiagnosticDescriptor LineTooLong = new(
        "ALG1009", DiagnosticSeverity.Warning, "Line too long", "line of {0} characters is longer than any device accepts; it is ignored");

    public static readonly DiagnosticDescriptor InvalidValue = new(
        "ALG1010", DiagnosticSeverity.Error, "Invalid value", "'{0}' is not a valid {1}");

    public static readonly DiagnosticDescriptor TooManyDiagnostics = new(
        "ALG1011", DiagnosticSeverity.Warning, "Too many diagnostics", "{0} more diagnostics are not listed");

    public static readonly DiagnosticDescriptor TooManyDiagnosticsWithErrors = new(
        "ALG1012", DiagnosticSeverity.Error, "Too many diagnostics", "{0} more diagnostics, errors among them, are not listed");

    public static readonly DiagnosticDescriptor UnsupportedDialect = new(
        "ALG1013", DiagnosticSeverity.Error, "Not a dialect Alg reads", "this file is {0} ({1}); Alg reads Cisco IOS, Cisco ASA, ScreenOS and Junos configurations, so nothing was loaded");

    public static readonly DiagnosticDescriptor NotModelled = new(
        "ALG1014", DiagnosticSeverity.Warning, "Not modelled", "{0} is not modelled: {1}");

    public static readonly DiagnosticDescriptor InvalidLintProfile = new(
        "ALG1016", DiagnosticSeverity.Error, "Invalid lint profile", "the lint profile cannot be used: {0}");

    public static readonly DiagnosticDescriptor UnbalancedBraces = new(
        "ALG1015", DiagnosticSeverity.Error, "Unbalanced braces", "the braces of this Junos configuration do not balance: {0}; statements after this point may be read in the wrong hierarchy");

    public static readonly DiagnosticDescriptor InvalidConsoleCommand = new(
        "ALG1017", DiagnosticSeverity.Error, "Invalid console command", "{0}");

    public static readonly DiagnosticDescriptor InvalidOutputFilter = new(
        "ALG1018", DiagnosticSeverity.Error, "Invalid output filter", "{0}");

    // ---- ALG2xxx: binding to the vendor-neutral policy ----
    public static readonly DiagnosticDescriptor UnknownAlg = new(
        "ALG2001", DiagnosticSeverity.Error, "Unknown ALG", "unknown ALG or inspection '{0}'{1}");

    public static readonly DiagnosticDescriptor UnknownTimer = new(
        "ALG2002", DiagnosticSeverity.Error, "Unknown timer", "unknown timer '{0}'{1}");

    public static readonly DiagnosticDescriptor UnknownOption = new(
        "ALG2003", DiagnosticSeverity.Error, "Unknown ALG option", "ALG '{0}' has no option '{1}'{2}");

    public static readonly DiagnosticDescriptor UnknownPortName = new(
        "ALG2004", DiagnosticSeverity.Error, "Unknown port name", "unknown port name '{0}'{1}");

    public static readonly DiagnosticDescriptor AclShapeMismatch = new(
        "ALG2005", DiagnosticSeverity.Error, "Rule does not fit the list", "{0} access list '{1}' cannot hold this rule: {2}");

    public static readonly DiagnosticDescriptor InspectOutsideClass = new(
        "ALG2006", DiagnosticSeverity.Warning, "Inspect outside a class", "'{0}' is not under a class; applied to class inspection_default, the only class where it has an effect");

    public static readonly DiagnosticDescriptor UnsupportedHere = new(
        "ALG2007", DiagnosticSeverity.Warning, "Setting has no effect", "{0}");

    public static readonly DiagnosticDescriptor NoEffectInAlg = new(
        "ALG2008", DiagnosticSeverity.Info, "Recognised, no effect", "'{0}' is valid for the device but changes nothing Alg translates");

    // ---- ALG3xxx: lint ----
    public static readonly DiagnosticDescriptor ValueOutOfRange = new(
        "ALG3001", DiagnosticSeverity.Error, "Value out of range", "{0} {1} is out of range {2}-{3}");

    public static readonly DiagnosticDescriptor UndefinedReference = new(
        "ALG3002", DiagnosticSeverity.Error, "Undefined reference", "{0} '{1}' is referenced but never defined{2}");

    public static readonly DiagnosticDescriptor UnusedDefinition = new(
        "ALG3003", DiagnosticSeverity.Warning, "Unused definition", "{0} '{1}' is defined but never used");

    public static readonly DiagnosticDescriptor DuplicateLine = new(
        "ALG3004", DiagnosticSeverity.Warning, "Duplicate line", "this line repeats line {0}");

    public static readonly DiagnosticDescriptor ContradictingLine = new(
        "ALG3005", DiagnosticSeverity.Warning, "Contradicting line", "this line reverses line {0}; the later line wins: {1}");

    public static readonly DiagnosticDescriptor UdpTimeoutBelowRfc4787 = new(
        "ALG3006", DiagnosticSeverity.Warning, "UDP timeout below RFC 4787", "UDP mapping timeout of {0} s is below the 120 s RFC 4787 REQ-5 requires (300 s recommended)");

    public static readonly DiagnosticDescriptor TcpTimeoutBelowRfc5382 = new(
        "ALG3007", DiagnosticSeverity.Warning, "TCP timeout below RFC 5382", "established TCP timeout of {0} s is below the 7440 s RFC 5382 REQ-5 requires");

    public static readonly DiagnosticDescriptor BareNoTimer = new(
        "ALG3008", DiagnosticSeverity.Warning, "Ambiguous 'no' timer", "'{0}' without a value disables the timer on IOS but resets it to the default on some clones; write '{1}' or '{2}'");

    public static readonly DiagnosticDescriptor PolicyMapNotApplied = new(
        "ALG3009", DiagnosticSeverity.Warning, "Policy-map never applied", "policy-map '{0}' is never applied by a service-policy, so its inspections have no effect");

    public static readonly DiagnosticDescriptor SipAlgAdvice = new(
        "ALG3010", DiagnosticSeverity.Info, "SIP ALG is on", "the SIP ALG is on ({0}); phones and PBXs that handle NAT themselves (STUN, ICE, rport, SBCs) often break behind it; to turn it off: {1}");

    public static readonly DiagnosticDescriptor InferredDefault = new(
        "ALG3011", DiagnosticSeverity.Info, "Inferred default", "{0} rests on a default that vendor documentation does not confirm ({1})");

    public static readonly DiagnosticDescriptor ShadowedAclRule = new(
        "ALG3012", DiagnosticSeverity.Warning, "Shadowed ACL rule", "this rule of '{0}' never matches: line {1} matches every packet it would");

    public static readonly DiagnosticDescriptor NoOutsideInterface = new(
        "ALG3013", DiagnosticSeverity.Warning, "No outside interface", "NAT rules exist but no interface is marked outside{0}; nothing will be translated");

    public static readonly DiagnosticDescriptor PoolRangeInverted = new(
        "ALG3014", DiagnosticSeverity.Error, "Pool range inverted", "pool '{0}' starts at {1}, after its end {2}");

    public static readonly DiagnosticDescriptor TlsPortInspected = new(
        "ALG3015", DiagnosticSeverity.Warning, "ALG on a TLS port", "port {0} carries SIP over TLS, which no ALG can read; inspecting it only costs time");

    public static readonly DiagnosticDescriptor PoolOutsideMask = new(
        "ALG3016", DiagnosticSeverity.Warning, "Pool not in its subnet", "pool '{0}' address {1} is outside the pool's own subnet {2}");

    public static readonly DiagnosticDescriptor InterfaceWithoutAddress = new(
        "ALG3017", DiagnosticSeverity.Warning, "NAT interface without address", "interface '{0}' is used for PAT but has no IPv4 address");

    public static readonly DiagnosticDescriptor ConflictingStatic = new(
        "ALG3018", DiagnosticSeverity.Error, "Conflicting static mapping", "global {0} is already mapped to {1} on line {2}");

    public static readonly DiagnosticDescriptor UndefinedReferenceOutsideTranslation = new(
        "ALG3019", DiagnosticSeverity.Warning, "Undefined reference outside translation", "{0} '{1}' is referenced but never defined{2}");

    public static readonly DiagnosticDescriptor NatRuleNotCarriedOut = new(
        "ALG3028", DiagnosticSeverity.Warning, "NAT rule not carried out", "this NAT rule is not carried out: {0}; alg replay and alg run leave it out, so nothing it translates is checked");

    public static readonly DiagnosticDescriptor AlgNotImplemented = new(
        "ALG3029", DiagnosticSeverity.Info, "ALG on but not implemented", "on but not implemented by Alg yet: {0} ({1}); alg replay and alg run forward that traffic with NAT but untranslated, and open no pinholes for it");
    public static readonly DiagnosticDescriptor ScreenOsZoneNotDefined = new(
        "ALG3025", DiagnosticSeverity.Warning, "ScreenOS zone not defined", "zone '{0}' holds address book entries but is never defined (`set zone name`); the device refuses both, so this file looks like an excerpt: Alg takes the zone as defined");

    public static readonly DiagnosticDescriptor OptionNotActedOn = new(
        "ALG3030", DiagnosticSeverity.Info, "ALG option not acted on", "'{0}' of the {1} ALG is set here, but Alg does not act on it yet: the gateway behaves as with the default ({2})");

    public static readonly DiagnosticDescriptor MalformedRpcFilter = new(
        "ALG3031", DiagnosticSeverity.Error, "Malformed RPC filter", "{0} '{1}' is not {2}; the RPC filter it belongs to cannot be built");

    public static readonly DiagnosticDescriptor UnknownRpcService = new(
        "ALG3032", DiagnosticSeverity.Warning, "Unknown predefined RPC service", "'{0}' is not a predefined {1} whose {2} Alg knows: it filters nothing, and the {3} ALG opens for every {4} its clients ask about{5}");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        UnrecognizedLine, MalformedLine, NotText, FileTooLarge, EmptyConfiguration, DialectGuessed, TooManyUnrecognized,
        CannotRead, LineTooLong, InvalidValue, TooManyDiagnostics, TooManyDiagnosticsWithErrors,
        UnsupportedDialect, NotModelled, InvalidLintProfile, UnbalancedBraces, InvalidConsoleCommand, InvalidOutputFilter,
        UnknownAlg, UnknownTimer, UnknownOption, UnknownPortName, AclShapeMismatch, InspectOutsideClass, UnsupportedHere, NoEffectInAlg,
        ValueOutOfRange, UndefinedReference, UnusedDefinition, DuplicateLine, ContradictingLine, UdpTimeoutBelowRfc4787,
        TcpTimeoutBelowRfc5382, BareNoTimer, PolicyMapNotApplied, SipAlgAdvice, InferredDefault, ShadowedAclRule,
        NoOutsideInterface, PoolRangeInverted, TlsPortInspected, PoolOutsideMask, InterfaceWithoutAddress, ConflictingStatic,
        UndefinedReferenceOutsideTranslation, NatRuleNotCarriedOut, AlgNotImplemented, OptionNotActedOn,
        ScreenOsZoneNotDefined, MalformedRpcFilter, UnknownRpcService,
    ];
}
