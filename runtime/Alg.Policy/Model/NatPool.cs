using Alg.Policy.Text;

namespace Alg.Policy.Model;

/// <summary>A range of global addresses dynamic NAT allocates from.</summary>
public sealed record NatPool(string Name, AddressRange Addresses, int? PrefixLength, SourceSpan Span);
