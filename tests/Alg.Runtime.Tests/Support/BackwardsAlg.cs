using Alg.Policy.Algs;
using Alg.Runtime.Algs;

namespace Alg.Runtime.Tests.Support;

/// <summary>A broken test ALG that gives its rewrites back to front (the stage must refuse them).</summary>
public sealed class BackwardsAlg : IAlgHandler
{
    public AlgDescriptor Descriptor => ReplacingAlg.TestDescriptor;

    public object? CreateSettings(in AlgSettingsSource source) => null;

    public object? CreateSession(in AlgFlowContext context) => null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        output.TryRewrite(6, 2, "x"u8);
        output.TryRewrite(1, 2, "y"u8);
    }
}
