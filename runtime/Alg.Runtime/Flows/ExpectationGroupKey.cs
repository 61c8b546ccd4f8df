namespace Alg.Runtime.Flows;

/// <summary>Identifies one conversation's pinholes: its ALG, its signalling flow and the ALG's group value.</summary>
internal readonly record struct ExpectationGroupKey(int OwnerTag, FlowId Master, long Group);
