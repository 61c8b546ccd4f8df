using Alg.Policy.Model;

namespace Alg.Runtime.Pipeline.Ir;

/// <summary>A transport port an enabled ALG inspects.</summary>
public readonly record struct AlgPortBinding(TransportProtocol Protocol, int Port, int AlgId);
