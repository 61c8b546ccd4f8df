using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Alg.Compiler;
using Alg.Compiler.Output;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;
using Alg.Runtime.Capture;
using Alg.Runtime.Nat;
using Alg.Runtime.Pipeline;
using Alg.Runtime.Replay;

namespace Alg.Cli.Commands;

/// <summary>`alg replay --config CFG -o OUT.pcap [--json] [--engine …] IN.pcap[@inside|@outside]...`</summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("captures")
        {
            Description = "pcap or pcapng files, merged by timestamp; FILE@inside or FILE@outside forces the side its packets arrive on.",
            Arity = ArgumentArity.OneOrMore,
        };
        var config = new Option<FileInfo>("--config") { Description = "Configuration the gateway runs.", Required = true };
        var outputFile = new Option<FileInfo>("--output", "-o") { Description = "pcap file for the packets the gateway sends.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var engine = CommonOptions.Engine();
        var ingress = new Option<string>("--ingress")
        {
            Description = "Side every packet arrives on: auto (by destination: an address the gateway owns outside is outside), inside or outside.",
            DefaultValueFactory = _ => "auto",
        };
        ingress.AcceptOnlyFromAmong("auto", "inside", "outside");
        var dialect = CommonOptions.Dialect();
        var command = new Command("replay", "Run captures through the gateway and write what it sends.") { inputs, config, outputFile, json, engine, ingress, dialect };
        command.SetAction(result =>
        {
            if (ConfigurationFile.LoadPolicy(result.GetValue(config)!, result.GetValue(dialect), error, "nothing was replayed", out var exitCode) is not { } policy)
            {
                return exitCode;
            }

            var defaultSide = ParseSide(result.GetValue(ingress)!);
            var replayInputs = new List<ReplayInput>();
            foreach (var argument in result.GetValue(inputs)!)
            {
                var (path, side) = SplitSide(argument, defaultSide);
                if (!File.Exists(path))
                {
                    error.WriteLine($"alg: no such file: {path}");
                    return AlgCommandLine.ExitUsage;
                }

                replayInputs.Add(new ReplayInput(path, side));
            }

            var mode = CommonOptions.ParseEngine(result.GetValue(engine));
            using var gateway = Gateway.Create(policy, mode);
            ReplayReport report;
            try
            {
                report = CaptureReplayer.Run(replayInputs, result.GetValue(outputFile)!.FullName, gateway.Nat);
            }
            catch (CaptureFormatException bad)
            {
                error.WriteLine($"alg: {bad.Message}");
                return AlgCommandLine.ExitUsage;
            }

            gateway.Host.Settled.Wait();
            output.Write(result.GetValue(json) ? Json(report, gateway) : Text(report, gateway));
            return AlgCommandLine.ExitOk;
        });
        return command;
    }

    private static IngressSide ParseSide(string text) => text switch
    {
        "inside" => IngressSide.Inside,
        "outside" => IngressSide.Outside,
        _ => IngressSide.Auto,
    };

    private static (string Path, IngressSide Side) SplitSide(string argument, IngressSide fallback)
    {
        foreach (var (suffix, side) in new[] { ("@inside", IngressSide.Inside), ("@outside", IngressSide.Outside) })
        {
            if (argument.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (argument[..^suffix.Length], side);
            }
        }

        return (argument, fallback);
    }

    private static string Text(ReplayReport report, Gateway gateway)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"packets in:   {report.PacketsIn}\n");
        text.Append(CultureInfo.InvariantCulture, $"forwarded:    {report.Forwarded} ({report.Translated} translated)\n");
        text.Append(CultureInfo.InvariantCulture, $"dropped:      {report.DroppedTotal}\n");
        foreach (var (reason, count) in report.Dropped.OrderByDescending(d => d.Value))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {KebabCase.From(reason.ToString()),-32} {count}\n");
        }

        if (report.Held > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"held:         {report.Held} (fragments never completed)\n");
        }

        if (report.SkippedOtherLinkType > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"skipped:      {report.SkippedOtherLinkType} (link type differs from the first capture)\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"flows:        {report.FlowsCreated} created, {report.FlowsExpired} expired\n");
        text.Append(CultureInfo.InvariantCulture, $"pinholes:     {report.PinholesOpened} opened, {report.PinholesUsed} used, {report.PinholesExpired} expired\n");
        text.Append(CultureInfo.InvariantCulture, $"engine:       {gateway.Host.Tier.ToString().ToLowerInvariant()}\n");
        var unimplemented = Unimplemented(gateway);
        if (unimplemented.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"not implemented: {string.Join(", ", unimplemented)} (on in the configuration; their traffic was forwarded untranslated, with no pinholes)\n");
        }

        return text.ToString();
    }

    private static string Json(ReplayReport report, Gateway gateway)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("packetsIn", report.PacketsIn);
            json.WriteNumber("forwarded", report.Forwarded);
            json.WriteNumber("translated", report.Translated);
            json.WriteStartObject("dropped");
            foreach (var (reason, count) in report.Dropped.OrderBy(d => d.Key.ToString(), StringComparer.Ordinal))
            {
                json.WriteNumber(KebabCase.From(reason.ToString()), count);
            }

            json.WriteEndObject();
            json.WriteNumber("held", report.Held);
            json.WriteNumber("skipped", report.SkippedOtherLinkType);
            json.WriteNumber("flows", report.FlowsCreated);
            json.WriteNumber("flowsExpired", report.FlowsExpired);
            json.WriteStartObject("pinholes");
            json.WriteNumber("opened", report.PinholesOpened);
            json.WriteNumber("used", report.PinholesUsed);
            json.WriteNumber("expired", report.PinholesExpired);
            json.WriteEndObject();
            json.WriteString("engine", gateway.Host.Tier.ToString().ToLowerInvariant());
            json.WriteStartArray("algsNotImplemented");
            foreach (var name in Unimplemented(gateway))
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    // ALGs the configuration turns on that Alg does not carry out: a replay must not look as if they ran.
    private static List<string> Unimplemented(Gateway gateway) =>
        gateway.Nat.Algs is { } stage ? [.. stage.Unhandled.Order(StringComparer.Ordinal)] : [];
}
