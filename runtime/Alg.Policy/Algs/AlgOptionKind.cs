namespace Alg.Policy.Algs;

public enum AlgOptionKind
{
    Boolean,
    Integer,

    /// <summary>A duration in seconds; 0 may mean "never" where the vendor says so.</summary>
    Seconds,

    /// <summary>One of a fixed list of words.</summary>
    Choice,

    /// <summary>A set of values in canonical text, comma-separated (interface UUIDs, program ranges), or
    /// <see cref="AlgOptionValue.AnyListText"/> for no restriction.</summary>
    List,
}
