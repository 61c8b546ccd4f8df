using System.Runtime.CompilerServices;
using Alg.Compiler;
using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using Alg.Policy.Text;
using Alg.Runtime.Pipeline;

namespace Alg.Engine.Tests;

/// <summary>Tiered start, atomic swaps, a bad configuration never replacing a good one, and unloading.</summary>
[Collection(SerialCollection.Name)]
public sealed class PipelineHostTests
{
    private static readonly PacketTuple Sip = new(0xC0A8010Au, 0xCB007114u, 5060, 5060, 17, false);

    [Fact]
    public async Task Tiered_starts_on_the_interpreter_and_swaps_to_compiled()
    {
        var program = Lower("hostname a\n");
        using var host = new PipelineHost(program, EngineMode.Tiered, PipelineCompiler.CompileEngine);

        Assert.IsType<PipelineInterpreter>(host.Current);
        Assert.True(host.Current.DispatchAlg(17, 5060) >= 0);
        await host.Settled;
        Assert.Equal(EngineTier.Compiled, host.Tier);
        Assert.IsNotType<PipelineInterpreter>(host.Current);
        Assert.Equal(new PipelineInterpreter(program).DispatchAlg(17, 5060), host.Current.DispatchAlg(17, 5060));
    }

    [Fact]
    public void A_configuration_with_errors_never_replaces_the_running_one()
    {
        using var host = new PipelineHost(Lower("no ip nat service sip udp port 5060\n"), EngineMode.Interpreter, PipelineCompiler.CompileEngine);
        var before = host.Current;

        var bad = ConfigurationLoader.Load(new SourceText("bad.cfg", "ip nat service sip udp port 5060\nip nat service sipp udp port 5080\n"));
        Assert.True(bad.HasErrors);
        if (bad.Policy is { } policy)
        {
            host.Replace(PolicyLowerer.Lower(policy));
        }

        Assert.Same(before, host.Current);
        Assert.Equal(-1, host.Current.DispatchAlg(17, 5060));
    }

    [Fact]
    public async Task Replace_swaps_the_answer_between_two_packets()
    {
        using var host = new PipelineHost(Lower("hostname a\n"), EngineMode.Tiered, PipelineCompiler.CompileEngine);
        await host.Settled;
        Assert.True(host.Current.DispatchAlg(Sip.Protocol, Sip.DestinationPort) >= 0);

        host.Replace(Lower("no ip nat service sip udp port 5060\n"));

        Assert.Equal(-1, host.Current.DispatchAlg(Sip.Protocol, Sip.DestinationPort));
        await host.Settled;
        Assert.Equal(-1, host.Current.DispatchAlg(Sip.Protocol, Sip.DestinationPort));
    }

    [Fact]
    public void Replaced_compiled_code_is_unloaded()
    {
        var weak = CompileAndUnload();
        for (var i = 0; i < 20 && weak.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(weak.IsAlive, "the generated assembly's load context was not collected");
    }

    [Fact]
    public void Memory_stays_flat_over_many_reloads()
    {
        using var host = new PipelineHost(Lower("hostname a\n"), EngineMode.Compiled, PipelineCompiler.CompileEngine);
        for (var i = 0; i < 20; i++)
        {
            host.Replace(Lower($"ip nat service sip udp port {6000 + i}\n"));
        }

        var baseline = Settle();
        for (var i = 0; i < 100; i++)
        {
            host.Replace(Lower($"ip nat service sip udp port {7000 + i}\n"));
        }

        var after = Settle();
        Assert.True(after - baseline < 20 * 1024 * 1024, $"memory grew by {(after - baseline) / 1024} KiB over 100 reloads");
    }

    private static long Settle()
    {
        for (var i = 0; i < 5; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CompileAndUnload()
    {
        var compiled = PipelineCompiler.Compile(Lower("hostname w\n"));
        var weak = new WeakReference(compiled.Engine.GetType().Assembly);
        compiled.Unload();
        return weak;
    }

    private static Alg.Runtime.Pipeline.Ir.PipelineProgram Lower(string config)
    {
        var result = ConfigurationLoader.Load(new SourceText("host.cfg", config));
        return PolicyLowerer.Lower(result.Policy ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics.Select(d => d.Message))));
    }
}
