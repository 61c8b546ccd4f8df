using Alg.Policy.Algs;

namespace Alg.Compiler.Binding;

/// <summary>A dialect's factory state for one ALG.</summary>
/// <param name="Ports">Null: the ALG's declared default ports.</param>
/// <param name="Options">Option defaults that differ from the ALG's own (e.g. ScreenOS SIP timers).</param>
/// <param name="Inferred">Not confirmed by vendor documentation; lint says so when it matters.</param>
public sealed record AlgDefault(
    string Name,
    bool Enabled,
    IReadOnlyList<AlgPort>? Ports = null,
    IReadOnlyDictionary<string, long>? Options = null,
    bool Inferred = false);
