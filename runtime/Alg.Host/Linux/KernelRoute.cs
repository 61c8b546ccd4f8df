namespace Alg.Host.Linux;

/// <summary>One IPv4 route of the kernel's main table; addresses in host order, gateway 0 when on-link.</summary>
internal readonly record struct KernelRoute(string Interface, uint Destination, uint Mask, uint Gateway, int Metric);
