namespace Alg.Runtime.Nat;

/// <summary>Where a packet entered the gateway, or <see cref="Auto"/> to infer it from its destination.</summary>
public enum IngressSide : byte
{
    /// <summary>Destination owned by the gateway (outside interface, pool, static global) = outside, else inside.</summary>
    Auto,
    Inside,
    Outside,
}
