namespace Alg.Host.Linux;

/// <summary>The kernel state <c>alg run</c> needs could not be set up; the message says what and why.</summary>
public sealed class KernelStateException(string message) : Exception(message);
