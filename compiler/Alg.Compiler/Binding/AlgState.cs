using Alg.Policy.Algs;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>The mutable state of one ALG while a configuration is bound; frozen into an <see cref="AlgPolicy"/>.</summary>
public sealed class AlgState(AlgDescriptor descriptor)
{
    public AlgDescriptor Descriptor { get; } = descriptor;

    public bool Enabled { get; set; }

    public AlgPortSet Ports { get; } = new();

    public Dictionary<string, AlgOptionValue> Options { get; } = new(StringComparer.Ordinal);

    public SourceSpan Source { get; set; } = SourceSpan.None;

    public List<SourceSpan> Spans { get; } = [];

    public string? InspectMap { get; set; }

    public bool DefaultIsInferred { get; set; }
}
