using Alg.Policy.Text;

namespace Alg.Policy.Model;

/// <summary>An interface of the gateway: its device name, role and address.</summary>
/// <param name="Name">The device name the config uses; <c>alg run</c> binds the Linux interface of that name.</param>
/// <param name="Alias">ASA nameif or ScreenOS/Junos zone, the name NAT statements refer to.</param>
/// <param name="InboundAcl">ACL applied to packets arriving on this interface.</param>
/// <param name="OutboundAcl">ACL applied to packets leaving through this interface.</param>
/// <param name="DynamicAddress">The address is learnt at run time (DHCP, PPP negotiation).</param>
/// <param name="InboundAclMatchesRealAddresses">
/// The inbound ACL names the untranslated (real) destination of a packet, as ASA 8.3 and later read it, not
/// the address on the wire; false for every other dialect and for PIX / ASA before 8.3.
/// </param>
public sealed record InterfacePolicy(
    string Name,
    string? Alias,
    InterfaceRole Role,
    Ipv4Prefix? Address,
    string? Description,
    bool Shutdown,
    string? InboundAcl,
    string? OutboundAcl,
    int? SecurityLevel,
    SourceSpan Span,
    bool DynamicAddress = false,
    bool InboundAclMatchesRealAddresses = false);
