using System.Collections.Immutable;
using Alg.Policy.Text;

namespace Alg.Policy.Model;

/// <summary>One ACL line. A packet matches when it matches one of each non-empty list.</summary>
/// <param name="Protocol">IP protocol number, or null for any IP packet.</param>
/// <param name="SourcePorts">Empty means any port (also for protocols without ports).</param>
/// <param name="Established">TCP only: match packets of an established connection (ACK or RST set).</param>
public sealed record AclEntry(
    int Sequence,
    AclAction Action,
    byte? Protocol,
    ImmutableArray<AddressMatch> Sources,
    ImmutableArray<PortRange> SourcePorts,
    ImmutableArray<AddressMatch> Destinations,
    ImmutableArray<PortRange> DestinationPorts,
    bool Established,
    SourceSpan Span);
