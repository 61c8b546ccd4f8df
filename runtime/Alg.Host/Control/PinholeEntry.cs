namespace Alg.Host.Control;

/// <summary>One open pinhole: the connection an ALG expects, who may open it and where it goes.</summary>
/// <param name="Arrives">Where the expected first packet arrives: side, protocol, address:port.</param>
/// <param name="Peer">Who may send it (address:port, <c>*</c> for any).</param>
/// <param name="Alg">The ALG that opened it.</param>
/// <param name="Signalling">The signalling flow that asked for it.</param>
public sealed record PinholeEntry(string Arrives, string Peer, string TranslatedTo, string Alg, string Signalling, long SecondsLeft, long Call);
