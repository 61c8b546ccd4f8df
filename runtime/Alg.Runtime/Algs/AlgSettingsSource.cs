using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Runtime.Nat;

namespace Alg.Runtime.Algs;

/// <summary>What an ALG builds its typed settings from, once per configuration: its declared options as the policy
/// set them, and the policy's idle timeouts.</summary>
/// <remarks>Only <see cref="IAlgHandler.CreateSettings"/> sees this; per-packet code reads the typed settings from
/// <see cref="AlgFlowContext.Settings"/>, so no option is looked up by name on the packet path.</remarks>
public readonly struct AlgSettingsSource
{
    public AlgSettingsSource(AlgDescriptor descriptor, ImmutableSortedDictionary<string, AlgOptionValue> options, NatTimeouts timeouts)
    {
        Descriptor = descriptor;
        Options = options;
        Timeouts = timeouts;
    }

    public AlgDescriptor Descriptor { get; }

    /// <summary>The options the configuration sets; absent ones take <see cref="Option"/>'s declared default.</summary>
    public ImmutableSortedDictionary<string, AlgOptionValue> Options { get; }

    public NatTimeouts Timeouts { get; }

    /// <summary>An option's configured value or its declared default; null when the ALG declares no such option.</summary>
    public AlgOptionValue? Option(string name) =>
        Options.TryGetValue(name, out var value) ? value : Descriptor.FindOption(name)?.Default;
}
