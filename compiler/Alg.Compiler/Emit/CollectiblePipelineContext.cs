using System.Reflection;
using System.Runtime.Loader;

namespace Alg.Compiler.Emit;

/// <summary>
/// A collectible load context for one generated pipeline, so replacing a configuration unloads the old
/// code. Alg's own assemblies resolve to the default context, which keeps the IR types shared.
/// </summary>
internal sealed class CollectiblePipelineContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
