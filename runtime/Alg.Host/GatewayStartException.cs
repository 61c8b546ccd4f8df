namespace Alg.Host;

/// <summary><c>alg run</c> cannot start: the message names the configuration line or system resource at fault.</summary>
public sealed class GatewayStartException(string message) : Exception(message);
