using System.Collections.Immutable;

namespace Alg.Policy.Algs;

/// <summary>One option an ALG accepts: its type, range and default.</summary>
/// <remarks>The binder and the lint range checks read these; nothing else declares option ranges.</remarks>
/// <param name="Name">kebab-case, as printed in policy output (e.g. <c>call-answer-time</c>).</param>
/// <param name="DefaultIsInferred">The default is not confirmed by vendor documentation; lint says so.</param>
/// <param name="Dialects">The dialects that have this option; empty means every dialect with the ALG.</param>
public sealed record AlgOptionDescriptor(
    string Name,
    AlgOptionKind Kind,
    long Minimum,
    long Maximum,
    AlgOptionValue Default,
    ImmutableArray<string> Choices,
    string Description,
    bool DefaultIsInferred = false,
    ImmutableArray<Model.Dialect> Dialects = default)
{
    /// <summary>
    /// False for an option of an implemented ALG that reads it from configurations but does not act on it yet:
    /// lint (ALG3030) and `alg policy` say so wherever the option is set, so a timer that changes nothing never looks
    /// as if it did. An ALG that is not implemented acts on none of its options (<see cref="AlgDescriptor.Implemented"/>,
    /// ALG3029); its options keep the default here.
    /// </summary>
    public bool ActedOn { get; init; } = true;

    public bool AppliesTo(Model.Dialect dialect) => Dialects.IsDefaultOrEmpty || Dialects.Contains(dialect);

    public static AlgOptionDescriptor Flag(string name, bool defaultValue, string description) =>
        new(name, AlgOptionKind.Boolean, 0, 1, AlgOptionValue.FromBoolean(defaultValue), [], description);

    public static AlgOptionDescriptor Duration(string name, long minimum, long maximum, long defaultSeconds, string description, bool inferred = false, ImmutableArray<Model.Dialect> dialects = default) =>
        new(name, AlgOptionKind.Seconds, minimum, maximum, AlgOptionValue.FromNumber(AlgOptionKind.Seconds, defaultSeconds), [], description, inferred, dialects);

    public static AlgOptionDescriptor Number(string name, long minimum, long maximum, long defaultValue, string description, bool inferred = false) =>
        new(name, AlgOptionKind.Integer, minimum, maximum, AlgOptionValue.FromNumber(AlgOptionKind.Integer, defaultValue), [], description, inferred);

    public static AlgOptionDescriptor OneOf(string name, string defaultChoice, ImmutableArray<string> choices, string description) =>
        new(name, AlgOptionKind.Choice, 0, 0, AlgOptionValue.FromChoice(defaultChoice), choices, description);

    /// <summary>A set of values (interface UUIDs, program ranges) a binder fills in; <c>any</c> by default.</summary>
    public static AlgOptionDescriptor List(string name, string description, ImmutableArray<Model.Dialect> dialects) =>
        new(name, AlgOptionKind.List, 0, 0, AlgOptionValue.FromList([]), [], description, false, dialects);

    public bool Accepts(AlgOptionValue value) => Kind switch
    {
        AlgOptionKind.Choice => value.Text is not null && Choices.Contains(value.Text),
        AlgOptionKind.List => value.Text is not null,
        _ => value.Number >= Minimum && value.Number <= Maximum,
    };
}
