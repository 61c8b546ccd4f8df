using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Runtime.Algs;

namespace Alg.Runtime.Tests.Support;

/// <summary>A test ALG on port 7777 (UDP and TCP): every "AAAA" becomes <c>replacement</c>; on TCP it consumes whole lines.</summary>
public sealed class ReplacingAlg(string replacement, bool consumeLines = true, bool recordData = true) : IAlgHandler
{
    private readonly byte[] _replacement = System.Text.Encoding.ASCII.GetBytes(replacement);

    public static readonly AlgDescriptor TestDescriptor = new(
        "test-replace", "test: replaces AAAA", [AlgPort.Udp(7777), AlgPort.Tcp(7777)], ImmutableArray<AlgOptionDescriptor>.Empty, ImmutableArray<AlgAlias>.Empty);

    public AlgDescriptor Descriptor => TestDescriptor;

    public int Calls { get; private set; }

    public AlgFlowContext LastContext { get; private set; }

    /// <summary>The data given on the last call, copied.</summary>
    public byte[] LastData { get; private set; } = [];

    public object? CreateSettings(in AlgSettingsSource source) => null;

    public object? CreateSession(in AlgFlowContext context) => null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        Calls++;
        LastContext = context;
        if (recordData)
        {
            LastData = data.ToArray();
        }

        for (var start = 0; ;)
        {
            var found = data[start..].IndexOf("AAAA"u8);
            if (found < 0)
            {
                break;
            }

            output.TryRewrite(start + found, 4, _replacement);
            start += found + 4;
        }

        if (consumeLines)
        {
            output.Consumed = data.LastIndexOf((byte)'\n') + 1;
        }
    }
}
