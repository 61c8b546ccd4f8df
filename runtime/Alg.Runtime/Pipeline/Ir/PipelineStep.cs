namespace Alg.Runtime.Pipeline.Ir;

/// <summary>One step of an ingress plan.</summary>
public readonly record struct PipelineStep(PipelineStepKind Kind);
