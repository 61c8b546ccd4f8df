namespace Alg.Runtime.Pipeline;

/// <summary>Where the packet path reads the current classifier from, once per packet.</summary>
public interface IEngineSource
{
    IPipelineEngine Current { get; }
}
