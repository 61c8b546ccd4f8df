using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>An ASA interface while its lines are read; ASA spreads them over the file (PIX nameif, access-group).</summary>
internal sealed class AsaInterfaceDraft(string name, SourceSpan span)
{
    public string Name { get; } = name;

    public SourceSpan Span { get; } = span;

    public string? Alias { get; set; }

    public int? SecurityLevel { get; set; }

    public Ipv4Prefix? Address { get; set; }

    public string? Description { get; set; }

    public bool Shutdown { get; set; }

    /// <summary>Set by <c>[no] management-only</c>; null when the file says nothing.</summary>
    public bool? ManagementOnly { get; set; }

    public string? InboundAcl { get; set; }

    public string? OutboundAcl { get; set; }
}
