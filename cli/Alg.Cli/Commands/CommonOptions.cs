using System.CommandLine;
using Alg.Grammar.Common;
using Alg.Policy.Model;

namespace Alg.Cli.Commands;

/// <summary>Options several commands share, defined once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Dialect()
    {
        var option = new Option<string>("--dialect")
        {
            Description = "Configuration dialect: auto (detect), ios, asa, screenos or junos.",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "ios", "asa", "screenos", "junos");
        return option;
    }

    public static Option<string> Engine()
    {
        var option = new Option<string>("--engine")
        {
            Description = "Policy engine: tiered (interpreter at once, compiled when ready), interpreter or compiled.",
            DefaultValueFactory = _ => "tiered",
        };
        option.AcceptOnlyFromAmong("tiered", "interpreter", "compiled");
        return option;
    }

    public static Alg.Runtime.Pipeline.EngineMode ParseEngine(string? text) => text switch
    {
        "interpreter" => Alg.Runtime.Pipeline.EngineMode.Interpreter,
        "compiled" => Alg.Runtime.Pipeline.EngineMode.Compiled,
        _ => Alg.Runtime.Pipeline.EngineMode.Tiered,
    };

    public static Dialect? ParseDialect(string? text) =>
        text is null || text == "auto" ? null : DialectNames.TryParse(text, out var dialect) ? dialect : null;
}
