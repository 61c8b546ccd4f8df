using Alg.Benchmarks.FrontEnd;
using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/Alg.Benchmarks -- --filter '*'`; results go to docs/benchmarks.md.
// `... -- reload-memory N [interpreter]` measures memory over N reloads (compiled unless told).
// `... -- generate-ios LINES FILE` writes the synthetic configuration the whole-process lint timing uses
// (`generate-screenos LINES FILE`: the ScreenOS one). `... -- lint-cpu FILE [N]`: warm lint of one file, best
// of N by wall clock and by CPU time (the honest one on a shared machine).
if (args.Length == 3 && args[0] == "generate-ios")
{
    File.WriteAllText(args[2], SyntheticIosConfig.Generate(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

// `... -- generate KIND LINES FILE` (ios-acl, asa, junos-set, junos-curly): the per-dialect lint inputs.
if (args.Length == 4 && args[0] == "generate")
{
    File.WriteAllText(args[3], DialectLintBenchmarks.Generate(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

// `... -- lint-times FILE N`: wall time of N in-process lints of one file (a quick look before a real run).
if (args.Length == 3 && args[0] == "lint-times")
{
    var source = new Alg.Policy.Text.SourceText(args[1], File.ReadAllText(args[1]));
    for (var i = 0; i < int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture); i++)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var bag = new Alg.Policy.Diagnostics.DiagnosticBag();
        var ast = Alg.Grammar.ConfigurationParser.Parse(source, null, bag);
        var parsed = watch.Elapsed.TotalMilliseconds;
        var parseBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var bound = Alg.Compiler.Binding.PolicyBinder.Bind(ast!, bag);
        var boundAt = watch.Elapsed.TotalMilliseconds;
        Alg.Compiler.Lint.Linter.Run(bound!, bag);
        Console.WriteLine($"alloc {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1_000_000.0:F1} MB (parse {parseBytes / 1_000_000.0:F1}), gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms; {watch.Elapsed.TotalMilliseconds:F1} ms (parse {parsed:F1}, bind {boundAt - parsed:F1}, lint {watch.Elapsed.TotalMilliseconds - boundAt:F1}; {bag.Items.Count} diagnostics, {source.LineCount / watch.Elapsed.TotalSeconds:F0} lines/s)");
    }

    return;
}

if (args.Length == 3 && args[0] == "generate-screenos")
{
    File.WriteAllText(args[2], SyntheticScreenOsConfig.Generate(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

if (args.Length >= 2 && args[0] == "lint-cpu")
{
    LintCpuTime.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20, Console.Out);
    return;
}

if (args.Length >= 2 && args[0] == "reload-memory")
{
    var mode = args.Length > 2 && args[2] == "interpreter" ? Alg.Runtime.Pipeline.EngineMode.Interpreter : Alg.Runtime.Pipeline.EngineMode.Compiled;
    Alg.Benchmarks.Engines.ReloadMemoryMeasurement.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), mode, Console.Out);
    return;
}

if (args.Length >= 1 && args[0] == "profile-sip")
{
    Alg.Benchmarks.Sip.SipProfile.Run(Console.Out, args.Length > 1 ? args[1] : null);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
