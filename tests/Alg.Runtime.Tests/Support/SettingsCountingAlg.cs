using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Alg.Policy.Algs;
using Alg.Runtime.Algs;

namespace Alg.Runtime.Tests.Support;

/// <summary>A test ALG on UDP 7777 that counts how often its settings are built and remembers the settings it was handed.</summary>
public sealed class SettingsCountingAlg : IAlgHandler
{
    public static readonly AlgDescriptor TestDescriptor = new(
        "test-settings", "test: counts settings", [AlgPort.Udp(7777)],
        [AlgOptionDescriptor.Number("limit", 0, 100, 5, "a number the settings carry")],
        ImmutableArray<AlgAlias>.Empty);

    public AlgDescriptor Descriptor => TestDescriptor;

    public int SettingsBuilt { get; private set; }

    public object? LastSettings { get; private set; }

    public object? CreateSettings(in AlgSettingsSource source)
    {
        SettingsBuilt++;
        return new StrongBox<long>(source.Option("limit")?.Number ?? -1);
    }

    public object? CreateSession(in AlgFlowContext context) => null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output) => LastSettings = context.Settings;
}
