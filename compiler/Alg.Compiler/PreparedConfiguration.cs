using Alg.Policy.Model;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler;

/// <summary>A checked configuration made ready off the packet path: lowered, and compiled when the gateway runs the
/// compiled engine only. <see cref="Gateway.Reload(PreparedConfiguration)"/> installs it between two packets.</summary>
public sealed record PreparedConfiguration(PolicyModel Policy, PipelineProgram Program, CompiledEngine? Compiled);
