namespace Alg.Runtime.Flows;

/// <summary>The side of the gateway a packet arrives on.</summary>
public enum FlowSide : byte
{
    Inside = 0,
    Outside = 1,
}
