using System.Collections.Immutable;

namespace Alg.Compiler.Binding;

/// <summary>Ordinal-sorted immutable tables of the policy (timers, ALG options), built from a binder's dictionary.</summary>
/// <remarks>
/// Through the builder rather than <c>ToImmutableSortedDictionary</c>, which sorts through a
/// <see cref="SortedDictionary{TKey, TValue}"/> first: ReadyToRun does not precompile that tree over
/// <c>KeyValuePair</c>, and it cost about forty JIT-compiled methods at the start of every <c>alg lint</c>.
/// </remarks>
public static class SortedTables
{
    public static ImmutableSortedDictionary<string, TValue> From<TValue>(Dictionary<string, TValue> source)
        where TValue : class
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, TValue>(StringComparer.Ordinal);
        foreach (var (key, value) in source)
        {
            builder.Add(key, value);
        }

        return builder.ToImmutable();
    }
}
