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
