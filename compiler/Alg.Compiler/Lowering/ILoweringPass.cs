namespace Alg.Compiler.Lowering;

/// <summary>One named step of lowering a policy to the pipeline IR.</summary>
public interface ILoweringPass
{
    string Name { get; }

    void Run(LoweringState state);
}
