namespace Alg.StdlibAlgs.Mgcp;

/// <summary>A command awaiting its response (RFC 3435 §3.5.6: matched by transaction id).</summary>
/// <param name="FromInside">Which end sent the command; the response must come from the other.</param>
/// <param name="Group">The pinhole group of the endpoint's call the command is about.</param>
/// <param name="RemoteMedia">The media address the command's remote connection descriptor named, or 0.</param>
/// <param name="ExpiresAt">The transaction timeout's end, on the engine's clock.</param>
public readonly record struct MgcpPendingCommand(long TransactionId, MgcpVerb Verb, bool FromInside, long Group, long EndpointHash, uint RemoteMedia, long ExpiresAt);
