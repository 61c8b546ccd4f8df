using System.Buffers.Text;
using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Nat;

namespace Alg.Runtime.Tests.Support;

/// <summary>A test ALG on UDP 7778 for "port=NNNNN": reserves the mapping of that inside port and writes its public port.</summary>
public sealed class AnnouncingAlg : IAlgHandler
{
    public static readonly AlgDescriptor TestDescriptor = new(
        "test-announce", "test: announces a media port", [AlgPort.Udp(7778)], ImmutableArray<AlgOptionDescriptor>.Empty, ImmutableArray<AlgAlias>.Empty);

    public AlgDescriptor Descriptor => TestDescriptor;

    public object? CreateSettings(in AlgSettingsSource source) => null;

    public object? CreateSession(in AlgFlowContext context) => null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (data.Length != 10 || !data.StartsWith("port="u8) || !Utf8Parser.TryParse(data[5..], out ushort port, out var used) || used != 5)
        {
            output.ReportMalformed("not port=NNNNN");
            return;
        }

        if (context.Nat.TryReserveMapping(17, new AlgEndpoint(context.Inside.Address, port), context.Remote, 60 * NatTimeouts.Second, out var mapped, out _)
            && output.TryRewrite(5, 5, 5, out var digits))
        {
            Utf8Formatter.TryFormat(mapped.Port, digits, out _, new System.Buffers.StandardFormat('D', 5));
        }
    }
}
