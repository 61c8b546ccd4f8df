namespace Alg.StdlibAlgs.SqlNet;

/// <summary>What an (ADDRESS=...)'s HOST holds.</summary>
public enum SqlNetHostKind : byte
{
    /// <summary>No HOST keyword.</summary>
    Missing,

    /// <summary>A dotted-quad IPv4 address (<see cref="SqlNetAddress.Host"/>).</summary>
    Ipv4,

    /// <summary>A host name or an IPv6 literal: nothing a NAT can translate (DNS doctoring's job, algs.md §8.2).</summary>
    Other,
}
