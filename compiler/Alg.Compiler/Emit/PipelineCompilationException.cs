using System.Globalization;
using System.Text;

namespace Alg.Compiler.Emit;

/// <summary>The generated C# did not compile: a bug in the emitter. The message carries the numbered source.</summary>
public sealed class PipelineCompilationException(string errors, string source)
    : Exception($"generated pipeline does not compile:\n{errors}\n{Numbered(source)}")
{
    public string GeneratedSource { get; } = source;

    public static string Numbered(string source)
    {
        var builder = new StringBuilder();
        var number = 1;
        foreach (var line in source.Split('\n'))
        {
            builder.Append(number.ToString(CultureInfo.InvariantCulture).PadLeft(5)).Append("  ").Append(line).Append('\n');
            number++;
        }

        return builder.ToString();
    }
}
