using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Policy.Text;
using Alg.StdlibAlgs;

namespace Alg.Compiler.Binding;

/// <summary>
/// Builds the ALG table of a policy: every catalogue ALG starts at its dialect default and each
/// configuration line that touches it moves it, remembering which line did.
/// </summary>
public sealed class AlgTableBuilder
{
    private readonly Dictionary<string, AlgState> _states = new(StringComparer.Ordinal);

    public AlgTableBuilder(IEnumerable<AlgDefault> defaults)
    {
        var byName = defaults.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var descriptor in AlgCatalog.All)
        {
            var state = new AlgState(descriptor);
            foreach (var option in descriptor.Options)
            {
                state.Options[option.Name] = option.Default;
            }

            if (byName.TryGetValue(descriptor.Name, out var dialectDefault))
            {
                state.Enabled = dialectDefault.Enabled;
                state.DefaultIsInferred = dialectDefault.Inferred;
                foreach (var port in dialectDefault.Ports ?? descriptor.DefaultPorts)
                {
                    state.Ports.Add(port);
                }

                foreach (var (name, value) in dialectDefault.Options ?? new Dictionary<string, long>())
                {
                    var option = descriptor.FindOption(name) ?? throw new InvalidOperationException($"{descriptor.Name} has no option {name}");
                    state.Options[name] = AlgOptionValue.FromNumber(option.Kind, value);
                }
            }
            else
            {
                // Not available on this dialect: off, on its declared ports should a line turn it on.
                foreach (var port in descriptor.DefaultPorts)
                {
                    state.Ports.Add(port);
                }
            }

            _states[descriptor.Name] = state;
        }
    }

    public AlgState this[string name] => _states[name];

    public IEnumerable<AlgState> States => _states.Values;

    public void SetEnabled(string name, bool enabled, SourceSpan span)
    {
        var state = _states[name];
        state.Enabled = enabled;
        state.Source = span;
        state.DefaultIsInferred = false;
        Touch(state, span);
    }

    /// <summary>Turns one port on or off; the ALG is on while any port is.</summary>
    public void SetPort(string name, AlgPort port, bool enabled, SourceSpan span)
    {
        var state = _states[name];
        if (enabled)
        {
            state.Ports.Add(port);
        }
        else
        {
            state.Ports.Remove(port);
        }

        state.Enabled = state.Ports.Count > 0 || (enabled && state.Descriptor.DefaultPorts.IsEmpty);
        state.Source = span;
        state.DefaultIsInferred = false;
        Touch(state, span);
    }

    public void ReplacePorts(string name, IEnumerable<AlgPort> ports, SourceSpan span)
    {
        var state = _states[name];
        state.Ports.Clear();
        foreach (var port in ports)
        {
            state.Ports.Add(port);
        }

        Touch(state, span);
    }

    public void SetOption(string name, string option, AlgOptionValue value, SourceSpan span)
    {
        var state = _states[name];
        _ = state.Descriptor.FindOption(option) ?? throw new InvalidOperationException($"{name} declares no option {option}");
        state.Options[option] = value.WithSource(span);
        Touch(state, span);
    }

    public void SetInspectMap(string name, string? map) => _states[name].InspectMap = map;

    public ImmutableArray<AlgPolicy> Build() =>
        [.. _states.Values
            .OrderBy(s => s.Descriptor.Name, StringComparer.Ordinal)
            .Select(s => new AlgPolicy(
                s.Descriptor.Name,
                s.Enabled,
                s.Ports.ToImmutableArray(),
                SortedTables.From(s.Options),
                s.Source,
                [.. s.Spans],
                s.InspectMap,
                s.DefaultIsInferred))];

    private static void Touch(AlgState state, SourceSpan span)
    {
        if (!span.IsNone && !state.Spans.Contains(span))
        {
            state.Spans.Add(span);
        }
    }
}
