namespace Alg.StdlibAlgs.Pptp;

/// <summary>One call of a control connection: the ids each end chose and the one the PAC was told.</summary>
/// <param name="PnsCallId">The call id the PNS chose (the inside host's own when the PNS is inside).</param>
/// <param name="PublicCallId">The PNS's call id as the PAC sees it: translated when the PNS is behind the gateway.</param>
/// <param name="PacCallId">The call id the PAC chose, once known (OCRP, ICRQ).</param>
internal readonly record struct PptpCall(ushort PnsCallId, ushort PublicCallId, ushort PacCallId, PptpCallState State);
