namespace Alg.Runtime.Flows;

/// <summary>A handle on a flow that goes stale, rather than pointing at a reused slot, once the flow ends.</summary>
public readonly record struct FlowId(int Index, uint Generation)
{
    public static readonly FlowId None = new(-1, 0);

    public bool IsNone => Index < 0;
}
