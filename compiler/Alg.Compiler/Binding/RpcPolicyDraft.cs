using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>A security policy as far as the RPC filters need it, while its lines are read: where its clients are, the
/// applications (services) it matches and whether it permits them.</summary>
/// <param name="FromZone">The zone its traffic comes from: the side of the RPC clients; null for a Junos global policy
/// (clients on either side).</param>
internal sealed class RpcPolicyDraft(string? fromZone, SourceSpan span)
{
    public string? FromZone { get; } = fromZone;

    /// <summary>The first line of the policy: the filter options' source.</summary>
    public SourceSpan Span { get; } = span;

    /// <summary>Application (service) names it matches, each with the line that named it.</summary>
    public List<(string Name, SourceSpan Span)> Services { get; } = [];

    public bool Permits { get; set; }

    public bool Disabled { get; set; }
}
