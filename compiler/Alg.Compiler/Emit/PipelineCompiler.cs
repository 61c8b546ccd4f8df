using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Pipeline.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Alg.Compiler.Emit;

/// <summary>
/// The compiled engine: emits the pipeline class for a lowered configuration, compiles it in memory with
/// Roslyn and loads it into its own collectible context.
/// </summary>
/// <remarks>Metadata references are read once per process; they dominate a cold compile.</remarks>
public static class PipelineCompiler
{
    // One empty compilation holding the references: every pipeline is this plus one syntax tree, so Roslyn
    // binds the framework references once per process and shares its reference manager afterwards.
    private static readonly Lazy<CSharpCompilation> Template = new(() => CSharpCompilation.Create(
        "Alg.Generated",
        [],
        LoadReferences(),
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            allowUnsafe: true,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false)));

    /// <summary>Compiles the pipeline; failures (a bug in the emitter) carry the numbered source.</summary>
    public static CompiledPipeline Compile(PipelineProgram program, string? origin = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var tables = PipelineEmitter.BuildTables(program);
        var source = PipelineEmitter.Emit(program, tables, origin);
        var className = PipelineEmitter.ClassName(program);
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source), new CSharpParseOptions(LanguageVersion.Latest), path: className + ".cs");
        var compilation = Template.Value.WithAssemblyName($"Alg.Generated.{className}").AddSyntaxTrees(tree);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            throw new PipelineCompilationException(string.Join("\n", errors), source);
        }

        image.Position = 0;
        var context = new CollectiblePipelineContext(className);
        var assembly = context.LoadFromStream(image);
        var type = assembly.GetType("Alg.Generated." + className, throwOnError: true)!;
        var engine = (IPipelineEngine)type.GetConstructors()[0].Invoke([program, tables]);
        PrepareMethods(type);
        return new CompiledPipeline(engine, source, context, stopwatch.Elapsed);
    }

    /// <summary>The compiled engine in the shape <see cref="PipelineHost"/> takes.</summary>
    public static CompiledEngine CompileEngine(PipelineProgram program)
    {
        var compiled = Compile(program);
        return new CompiledEngine(compiled.Engine, compiled.CompileTime, compiled.Unload);
    }

    /// <summary>JIT-compiles every method of the generated class here, on the compiling thread: its methods are marked
    /// for full optimisation, so the packet that first runs them neither waits for the JIT nor runs unoptimised code.</summary>
    private static void PrepareMethods(Type type)
    {
        foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        {
            if (!method.IsAbstract && !method.ContainsGenericParameters)
            {
                System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
        }
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .ToList();
        paths.Add(typeof(IPipelineEngine).Assembly.Location);
        paths.Add(typeof(Alg.Policy.Model.PolicyModel).Assembly.Location);
        paths.Add(typeof(Alg.StdlibAlgs.StandardAlgs).Assembly.Location);
        return [.. paths.Distinct(StringComparer.Ordinal).Where(File.Exists).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
