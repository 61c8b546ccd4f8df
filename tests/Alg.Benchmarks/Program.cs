using Alg.Benchmarks.FrontEnd;
using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/Alg.Benchmarks -- --filter '*'`; results go to docs/benchmarks.md.
// `... -- generate-ios LINES FILE` writes the synthetic configuration the whole-process lint timing uses.
if (args.Length == 3 && args[0] == "generate-ios")
{
    File.WriteAllText(args[2], SyntheticIosConfig.Generate(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
