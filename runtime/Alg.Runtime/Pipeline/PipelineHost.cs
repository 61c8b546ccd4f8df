using Alg.Runtime.Pipeline.Ir;

namespace Alg.Runtime.Pipeline;

/// <summary>
/// Holds the classifier packets use and replaces it without stopping them: a swap is one reference store
/// between two packets, and flow, NAT and pinhole state live elsewhere, so they survive every swap.
/// </summary>
/// <remarks>
/// Tiered mode installs the interpreter at once and compiles in the background; a newer configuration
/// that arrives while an older one compiles wins, and the stale result is unloaded instead of installed.
/// </remarks>
public sealed class PipelineHost : IEngineSource, IDisposable
{
    private readonly EngineMode _mode;
    private readonly Func<PipelineProgram, CompiledEngine> _compile;
    private readonly object _gate = new();
    private volatile IPipelineEngine _current;
    private CompiledEngine? _installedCompiled;
    private Task _background = Task.CompletedTask;
    private long _generation;

    /// <param name="compile">Builds the compiled engine for a program (the compiler project supplies it).</param>
    public PipelineHost(PipelineProgram program, EngineMode mode, Func<PipelineProgram, CompiledEngine> compile)
    {
        _mode = mode;
        _compile = compile;
        _current = new PipelineInterpreter(program);
        Tier = EngineTier.Interpreter;
        Install(program, ++_generation, null);
    }

    /// <summary>The classifier for the next packet. Read it once per packet.</summary>
    public IPipelineEngine Current => _current;

    public EngineTier Tier { get; private set; }

    /// <summary>Which engine this host installs.</summary>
    public EngineMode Mode => _mode;

    public long Swaps { get; private set; }

    public TimeSpan? LastCompileTime { get; private set; }

    /// <summary>Completes when the background compile of the latest program (if any) has been installed.</summary>
    public Task Settled => _background;

    /// <summary>Replaces the program. The caller has already checked the configuration in full.</summary>
    /// <param name="precompiled">In compiled mode, the program's compiled engine built off the packet path; null compiles here.</param>
    public void Replace(PipelineProgram program, CompiledEngine? precompiled = null) => Install(program, Interlocked.Increment(ref _generation), precompiled);

    public void Dispose()
    {
        _background.Wait();
        lock (_gate)
        {
            _installedCompiled?.Unload();
            _installedCompiled = null;
        }
    }

    private void Install(PipelineProgram program, long generation, CompiledEngine? precompiled)
    {
        switch (_mode)
        {
            case EngineMode.Interpreter:
                Swap(new PipelineInterpreter(program), null, EngineTier.Interpreter);
                break;
            case EngineMode.Compiled:
                var compiled = precompiled ?? _compile(program);
                LastCompileTime = compiled.CompileTime;
                Swap(compiled.Engine, compiled, EngineTier.Compiled);
                break;
            default:
                Swap(new PipelineInterpreter(program), null, EngineTier.Compiling);
                _background = Task.Run(() =>
                {
                    var result = _compile(program);
                    lock (_gate)
                    {
                        if (generation != Interlocked.Read(ref _generation))
                        {
                            result.Unload();
                            return;
                        }
                    }

                    LastCompileTime = result.CompileTime;
                    Swap(result.Engine, result, EngineTier.Compiled);
                });
                break;
        }
    }

    private void Swap(IPipelineEngine classifier, CompiledEngine? compiled, EngineTier tier)
    {
        CompiledEngine? previous;
        lock (_gate)
        {
            previous = _installedCompiled;
            _installedCompiled = compiled;
            _current = classifier;
            Tier = tier;
            Swaps++;
        }

        // Packets already holding the old classifier finish with it; the collectible context is only
        // reclaimed by the GC once they let go, so unloading now is safe.
        previous?.Unload();
    }
}
