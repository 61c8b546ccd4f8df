using System.Collections.Immutable;
using Alg.Policy.Text;

namespace Alg.Policy.Algs;

/// <summary>The effective state of one ALG: on/off, ports and options, with where each came from.</summary>
/// <param name="Source">The line that decided <see cref="Enabled"/>, or <see cref="SourceSpan.None"/> for the dialect default.</param>
/// <param name="Spans">Every line that touched this ALG, in file order.</param>
/// <param name="InspectMap">ASA: the <c>policy-map type inspect</c> map named on the inspect line.</param>
/// <param name="DefaultIsInferred">The dialect default for on/off is inferred, not documented.</param>
public sealed record AlgPolicy(
    string Name,
    bool Enabled,
    ImmutableArray<AlgPort> Ports,
    ImmutableSortedDictionary<string, AlgOptionValue> Options,
    SourceSpan Source,
    ImmutableArray<SourceSpan> Spans,
    string? InspectMap,
    bool DefaultIsInferred);
