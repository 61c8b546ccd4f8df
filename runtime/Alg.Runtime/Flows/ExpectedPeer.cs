namespace Alg.Runtime.Flows;

/// <summary>Who may open a pinhole: an ALG names the peer whenever the signalling tells it.</summary>
/// <remarks>
/// There is deliberately no default: a wildcard must be asked for by name (<see cref="UnknownBecause"/>) with
/// the reason, because every wildcard widens what an outside host can reach (NAT Slipstreaming, T5).
/// </remarks>
public readonly record struct ExpectedPeer
{
    private ExpectedPeer(uint address, ushort port, bool anyAddress, bool anyPort, string? wildcardReason)
    {
        Address = address;
        Port = port;
        AnyAddress = anyAddress;
        AnyPort = anyPort;
        WildcardReason = wildcardReason;
    }

    public uint Address { get; }

    public ushort Port { get; }

    public bool AnyAddress { get; }

    public bool AnyPort { get; }

    /// <summary>Why the ALG could not name the peer (kept for diagnostics), or null when it did.</summary>
    public string? WildcardReason { get; }

    /// <summary>Only this address and port may use the pinhole.</summary>
    public static ExpectedPeer Exactly(uint address, ushort port) => new(address, port, false, false, null);

    /// <summary>Only this address, from any port (e.g. FTP active data from the server's port 20 or not).</summary>
    public static ExpectedPeer AddressOnly(uint address, string reasonPortUnknown) => new(address, 0, false, true, reasonPortUnknown);

    /// <summary>Any peer at all; the reason says why the signalling did not name one.</summary>
    public static ExpectedPeer UnknownBecause(string reason) => new(0, 0, true, true, reason);

    public bool Matches(uint address, ushort port) => (AnyAddress || address == Address) && (AnyPort || port == Port);
}
