using Alg.Policy.Text;

namespace Alg.Policy.Model;

/// <summary>A cap on translation entries for one inside host (RFC 6888 REQ-4).</summary>
public sealed record HostLimit(Ipv4Address Host, long MaxEntries, SourceSpan Span);
