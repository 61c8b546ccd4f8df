using System.Collections.Immutable;

namespace Alg.Policy.Algs;

/// <summary>
/// What an ALG declares about itself: canonical name, vendor aliases, default ports and options.
/// </summary>
/// <remarks>
/// The front end binds vendor syntax through these declarations and lint checks option ranges against
/// them, so an ALG's knobs are declared once, next to its code.
/// </remarks>
public sealed record AlgDescriptor(
    string Name,
    string Description,
    ImmutableArray<AlgPort> DefaultPorts,
    ImmutableArray<AlgOptionDescriptor> Options,
    ImmutableArray<AlgAlias> Aliases)
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
