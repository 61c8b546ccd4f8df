using Alg.Benchmarks.FrontEnd;
using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/Alg.Benchmarks -- --filter '*'`; results go to docs/benchmarks.md.
// `... -- reload-memory N` measures memory over N compiled reloads.
// `... -- generate-ios LINES FILE` writes the synthetic configuration the whole-process lint timing uses.
if (args.Length == 3 && args[0] == "generate-ios")
{
    File.WriteAllText(args[2], SyntheticIosConfig.Generate(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

if (args.Length == 2 && args[0] == "reload-memory")
{
    Alg.Benchmarks.Engines.ReloadMemoryMeasurement.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
