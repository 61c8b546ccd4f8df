using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Alg.StdlibAlgs.MsRpc;
using Alg.StdlibAlgs.SunRpc;

namespace Alg.Compiler.Binding;

/// <summary>
/// Turns the applications (Junos) or services (ScreenOS) that permitting policies match into the RPC ALGs' filters:
/// per side of the client (the policy's from-zone), the MS-RPC interface UUIDs and SunRPC program numbers those
/// policies name. A side where some permitting policy names UUIDs (programs) and none permits every interface
/// (program) — <c>any</c>, <c>MS-RPC-ANY</c>, <c>SUN-RPC-ANY</c> — is filtered: the ALG opens nothing for an interface
/// (program) outside the set. A side no policy names UUIDs for is not filtered, so a configuration without RPC
/// applications behaves as before.
/// </summary>
/// <remarks>Values that are not UUIDs or program ranges are left out here; lint reports them (ALG3031), which keeps
/// such a configuration from loading.</remarks>
public sealed class RpcFilterBuilder
{
    private readonly RpcSideFilter _inside = new();
    private readonly RpcSideFilter _outside = new();

    /// <summary>A permitting policy whose clients are on <paramref name="clientSide"/> matches <paramref name="service"/>.</summary>
    public void Permit(InterfaceRole clientSide, RpcService service, SourceSpan policy)
    {
        if (Side(clientSide) is not { } side || service.IsNone)
        {
            return;
        }

        side.EveryUuid |= service.EveryUuid;
        side.EveryProgram |= service.EveryProgram;
        foreach (var text in service.Uuids)
        {
            if (Guid.TryParseExact(text, "D", out var uuid) && side.Uuids.Add(uuid) && side.UuidSource.IsNone)
            {
                side.UuidSource = policy;
            }
        }

        foreach (var text in service.Programs)
        {
            if (SunRpcProgramRange.TryParse(text, out var range))
            {
                side.Programs.Add(range);
                if (side.ProgramSource.IsNone)
                {
                    side.ProgramSource = policy;
                }
            }
        }
    }

    /// <summary>A permitting policy matching application <c>any</c>: its clients may reach every interface and program.</summary>
    public void PermitEverything(InterfaceRole clientSide) => Permit(clientSide, new RpcService([], [], EveryUuid: true, EveryProgram: true), SourceSpan.None);

    /// <summary>Writes the filters into the ALG table (options of <c>msrpc</c> and <c>sunrpc</c>).</summary>
    public void Apply(AlgTableBuilder algs)
    {
        Apply(algs, _inside, MsRpcAlgDescriptor.UuidsFromInside, SunRpcAlgDescriptor.ProgramsFromInside);
        Apply(algs, _outside, MsRpcAlgDescriptor.UuidsFromOutside, SunRpcAlgDescriptor.ProgramsFromOutside);
    }

    private static void Apply(AlgTableBuilder algs, RpcSideFilter side, string uuidOption, string programOption)
    {
        if (!side.EveryUuid && side.Uuids.Count > 0)
        {
            algs.SetOption("msrpc", uuidOption, AlgOptionValue.FromList(side.Uuids.Select(u => u.ToString("D"))), side.UuidSource);
        }

        if (!side.EveryProgram && side.Programs.Count > 0)
        {
            algs.SetOption("sunrpc", programOption, AlgOptionValue.FromList(Merged(side.Programs).Select(r => r.ToString())), side.ProgramSource);
        }
    }

    /// <summary>The ranges sorted, overlapping and adjacent ones joined, so equal sets print alike.</summary>
    private static IEnumerable<SunRpcProgramRange> Merged(List<SunRpcProgramRange> ranges)
    {
        SunRpcProgramRange? current = null;
        foreach (var range in ranges.OrderBy(r => r.Low).ThenBy(r => r.High))
        {
            if (current is { } open && (ulong)range.Low <= (ulong)open.High + 1)
            {
                current = open with { High = Math.Max(open.High, range.High) };
                continue;
            }

            if (current is { } done)
            {
                yield return done;
            }

            current = range;
        }

        if (current is { } last)
        {
            yield return last;
        }
    }

    private RpcSideFilter? Side(InterfaceRole role) => role switch
    {
        InterfaceRole.Inside => _inside,
        InterfaceRole.Outside => _outside,
        _ => null,
    };
}
