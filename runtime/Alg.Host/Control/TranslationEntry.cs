namespace Alg.Host.Control;

/// <summary>One flow as a translation: the four addresses IOS's <c>show ip nat translations</c> names, as address:port.</summary>
/// <param name="Initiator">The side the first packet came from: <c>inside</c> or <c>outside</c>.</param>
/// <param name="FromPinhole">An ALG's pinhole admitted the flow.</param>
/// <param name="TcpState">The tracked TCP state, or null for other protocols.</param>
public sealed record TranslationEntry(
    string Protocol,
    string InsideLocal,
    string InsideGlobal,
    string OutsideLocal,
    string OutsideGlobal,
    string Initiator,
    long SecondsLeft,
    bool FromPinhole,
    bool Translated,
    string? TcpState);
