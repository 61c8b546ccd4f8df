using System.Collections.Immutable;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>The policy's translation timers: dialect defaults, then each timer line in file order.</summary>
/// <remarks>Keys are the vendor-neutral timer names ("udp", "tcp", "tcp-transitory", ...), kebab-case.</remarks>
public sealed class TimerTableBuilder
{
    // Sorted only when built: SortedDictionary<string, TimerSetting> cost about forty JIT-compiled methods at every
    // start (ReadyToRun does not precompile its tree over KeyValuePair), for a table of a dozen timers.
    private readonly Dictionary<string, TimerSetting> _timers = new(StringComparer.Ordinal);

    public TimerTableBuilder(IReadOnlyDictionary<string, long?> defaults)
    {
        foreach (var (name, seconds) in defaults)
        {
            _timers[name] = new TimerSetting(seconds, SourceSpan.None);
        }
    }

    public IReadOnlyDictionary<string, TimerSetting> Current => _timers;

    public void Set(string name, long? seconds, SourceSpan span) => _timers[name] = new TimerSetting(seconds, span);

    /// <summary>Back to the dialect default (<c>no</c> with a value on IOS).</summary>
    public void Reset(string name, IReadOnlyDictionary<string, long?> defaults, SourceSpan span)
    {
        if (defaults.TryGetValue(name, out var seconds))
        {
            _timers[name] = new TimerSetting(seconds, SourceSpan.None);
        }
        else
        {
            _timers.Remove(name);
        }
    }

    public ImmutableSortedDictionary<string, TimerSetting> Build() => SortedTables.From(_timers);
}
