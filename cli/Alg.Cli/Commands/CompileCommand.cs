using System.CommandLine;
using Alg.Compiler;
using Alg.Compiler.Emit;
using Alg.Compiler.Lowering;
using Alg.Compiler.Output;
using Alg.Policy.Diagnostics;

namespace Alg.Cli.Commands;

/// <summary>`alg compile FILE [--emit OUT.cs] [--ir OUT.txt]`: lower and compile a configuration; optionally write the
/// generated C# and the IR as text.</summary>
internal static class CompileCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "Configuration file." };
        var dialect = CommonOptions.Dialect();
        var emit = new Option<FileInfo?>("--emit") { Description = "Write the generated pipeline class (C#) to this file." };
        var ir = new Option<FileInfo?>("--ir") { Description = "Write the lowered pipeline IR (text) to this file." };
        var command = new Command("compile", "Lower a configuration to the pipeline IR and compile it with Roslyn.") { file, dialect, emit, ir };
        command.SetAction(result =>
        {
            var info = result.GetValue(file)!;
            if (ConfigurationFile.LoadPolicy(info, result.GetValue(dialect), error, "nothing was compiled", out var exitCode) is not { } policy)
            {
                return exitCode;
            }

            var program = PolicyLowerer.Lower(policy);
            CompiledPipeline compiled;
            try
            {
                compiled = PipelineCompiler.Compile(program, info.Name);
            }
            catch (PipelineCompilationException failure)
            {
                // An emitter bug, not the user's: say so plainly; the gateway would keep running the interpreter.
                error.WriteLine($"alg: {info.Name}: the generated pipeline does not compile (a bug in Alg, please report it); alg run and alg replay would run it on the interpreter");
                error.WriteLine(failure.Message);
                return AlgCommandLine.ExitFindings;
            }

            if (result.GetValue(emit) is { } target)
            {
                File.WriteAllText(target.FullName, compiled.Source);
            }

            if (result.GetValue(ir) is { } irTarget)
            {
                File.WriteAllText(irTarget.FullName, PipelineProgramWriter.Write(program));
            }

            output.WriteLine($"compiled {PipelineEmitter.ClassName(program)}: {program.Acls.Length} ACLs, {program.NatRules.Length} NAT rules, {program.Algs.Length} ALGs on {program.AlgPorts.Length} ports in {compiled.CompileTime.TotalMilliseconds:F0} ms");
            compiled.Unload();
            return AlgCommandLine.ExitOk;
        });
        return command;
    }
}
