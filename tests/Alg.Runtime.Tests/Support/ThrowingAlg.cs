using Alg.Policy.Algs;
using Alg.Runtime.Algs;

namespace Alg.Runtime.Tests.Support;

/// <summary>A buggy test ALG that throws on every payload (the stage must contain it).</summary>
public sealed class ThrowingAlg : IAlgHandler
{
    public AlgDescriptor Descriptor => ReplacingAlg.TestDescriptor;

    public object? CreateSettings(in AlgSettingsSource source) => null;

    public object? CreateSession(in AlgFlowContext context) => null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        output.TryRewrite(0, 1, "x"u8);
        _ = data[data.Length + 1];
    }
}
