using System.Collections.Immutable;
using Alg.Policy.Text;

namespace Alg.Policy.Model;

/// <summary>State limits (RFC 6888 REQ-5): reaching one refuses new state, never evicts live flows.</summary>
/// <param name="PerHostDefault">Cap for every inside host not listed in <paramref name="PerHost"/> (IOS <c>all-host</c>).</param>
public sealed record NatLimits(long? MaxEntries, ImmutableArray<HostLimit> PerHost, SourceSpan Span, long? PerHostDefault = null)
{
    public static readonly NatLimits Unlimited = new(null, [], SourceSpan.None);
}
