using System.Collections.Immutable;
using Alg.Policy.Text;

namespace Alg.Policy.Model;

/// <summary>One translation rule, vendor-neutral.</summary>
/// <param name="MatchAcl">ACL selecting the real traffic (IOS <c>list</c>, ASA policy NAT).</param>
/// <param name="MatchRouteMap">Route-map selecting the real traffic (IOS), kept by name.</param>
/// <param name="RealAddresses">Real addresses when the rule names them directly (static, ASA objects).</param>
/// <param name="Protocol">For a port forward: the transport whose port is mapped.</param>
/// <param name="RealInterface">ASA/ScreenOS/Junos: where the real addresses live, when the rule says.</param>
/// <param name="MappedInterface">ASA/ScreenOS/Junos: where the mapped addresses are seen, when the rule says.</param>
/// <param name="MappedDestination">Twice NAT: the destination as the real host addresses it.</param>
/// <param name="RealDestination">Twice NAT: the destination it is translated to.</param>
/// <param name="TranslatePayload">False for IOS <c>no-payload</c>: ALGs leave embedded addresses of this rule alone.</param>
/// <param name="Order">Evaluation order: lower first (ASA sections, then file order).</param>
public sealed record NatRule(
    NatRuleKind Kind,
    NatDirection Direction,
    string? MatchAcl,
    string? MatchRouteMap,
    ImmutableArray<AddressRange> RealAddresses,
    NatTargetKind TargetKind,
    string? TargetInterface,
    string? TargetPool,
    ImmutableArray<AddressRange> MappedAddresses,
    TransportProtocol? Protocol,
    PortRange? RealPort,
    PortRange? MappedPort,
    string? RealInterface,
    string? MappedInterface,
    ImmutableArray<AddressRange> MappedDestination,
    ImmutableArray<AddressRange> RealDestination,
    bool Extendable,
    bool TranslatePayload,
    bool Inactive,
    int Order,
    SourceSpan Span);
