using System.Collections.Immutable;

namespace Alg.Policy.Algs;

/// <summary>
/// What an ALG declares about itself: canonical name, vendor aliases, default ports and options, and whether
/// Alg carries it out.
/// </summary>
/// <remarks>
/// The front end binds vendor syntax through these declarations and lint checks option ranges against
/// them, so an ALG's knobs are declared once, next to its code. An ALG whose knobs Alg reads but whose
/// translation it does not perform yet has <see cref="Implemented"/> false, and every output that shows it on
/// says so: its traffic is forwarded with NAT but without the ALG. <see cref="PinholesToPrivilegedPorts"/> is
/// set only by protocols whose announced ports are below 1024 by design (rsh's stderr channel, RPC services
/// bound with bindresvport); the runtime refuses such pinholes for every other ALG.
/// </remarks>
public sealed record AlgDescriptor(
    string Name,
    string Description,
    ImmutableArray<AlgPort> DefaultPorts,
    ImmutableArray<AlgOptionDescriptor> Options,
    ImmutableArray<AlgAlias> Aliases,
    bool Implemented = false,
    bool PinholesToPrivilegedPorts = false)
{
    public AlgOptionDescriptor? FindOption(string name)
    {
        foreach (var option in Options)
        {
            if (string.Equals(option.Name, name, StringComparison.Ordinal))
            {
                return option;
            }
        }

        return null;
    }
}
