using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Flows;

namespace Alg.Runtime.Tests.Support;

/// <summary>A test ALG on UDP 7777 that asks for whatever pinhole <c>ask</c> builds from the flow, as a careless ALG might.</summary>
public sealed class PinholeAskingAlg(Func<AlgFlowContext, ExpectationSpec> ask, bool privilegedPorts = false) : IAlgHandler
{
    public AlgDescriptor Descriptor { get; } = new(
        "test-pinhole", "test: asks for a pinhole", [AlgPort.Udp(7777)], ImmutableArray<AlgOptionDescriptor>.Empty, ImmutableArray<AlgAlias>.Empty,
        PinholesToPrivilegedPorts: privilegedPorts);

    public object? CreateSettings(in AlgSettingsSource source) => null;

    public object? CreateSession(in AlgFlowContext context) => null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        var spec = ask(context);
        output.TryRequestPinhole(in spec);
    }
}
