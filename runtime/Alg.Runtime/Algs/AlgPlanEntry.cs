namespace Alg.Runtime.Algs;

/// <summary>An enabled ALG on the stage: its handler, its typed settings for this configuration and its counters.</summary>
/// <param name="Id">The plan id the dispatcher answers with.</param>
/// <param name="Handler">The implementation, or null when none is registered for the name (counted as unhandled).</param>
/// <param name="Settings">The handler's typed settings for this configuration (<see cref="IAlgHandler.CreateSettings"/>).</param>
public sealed record AlgPlanEntry(int Id, string Name, IAlgHandler? Handler, object? Settings, AlgCounters Counters)
{
    /// <summary>The tag this ALG's pinholes carry (<see cref="AlgStage.OwnerTagOf"/>), computed once.</summary>
    public int OwnerTag { get; } = AlgStage.OwnerTagOf(Name);
}
