namespace Alg.Host.Forwarding;

/// <summary>A kernel route through one of the bound interfaces (by its slot), ready for per-packet lookup.</summary>
internal readonly record struct ForwardingRoute(uint Destination, uint Mask, uint Gateway, int Slot);
