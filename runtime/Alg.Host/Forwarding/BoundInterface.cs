using Alg.Host.Linux;
using Alg.Policy.Model;
using Alg.Runtime.Nat;

namespace Alg.Host.Forwarding;

/// <summary>One configured interface as the worker uses it: its device, socket, NAT side, neighbours and counters.</summary>
/// <remarks>Counters are written by the worker only; metrics and status read them (64-bit reads are atomic).</remarks>
internal sealed class BoundInterface(InterfacePolicy policy, LinuxInterface device, PacketSocket socket) : IDisposable
{
    public InterfacePolicy Policy { get; } = policy;

    public LinuxInterface Device { get; } = device;

    public PacketSocket Socket { get; } = socket;

    public string Name => Policy.Name;

    public IngressSide Side { get; } = policy.Role == InterfaceRole.Outside ? IngressSide.Outside : IngressSide.Inside;

    public uint Address { get; } = policy.Address?.Address.Value ?? 0;

    public uint Mask { get; } = policy.Address is { } prefix ? Ipv4Address.FromPrefixLength(prefix.Length).Value : 0;

    public NeighbourTable Neighbours { get; } = new();

    public long PacketsIn { get; set; }

    public long BytesIn { get; set; }

    public long PacketsOut { get; set; }

    public long BytesOut { get; set; }

    public long SendFailures { get; set; }

    public long ReceiveErrors { get; set; }

    /// <summary>Frames the kernel dropped before we read them (the socket's receive queue was full).</summary>
    public long KernelDrops { get; set; }

    public bool OnLink(uint address) => Mask != 0 && (address & Mask) == (Address & Mask);

    public void Dispose() => Socket.Dispose();
}
