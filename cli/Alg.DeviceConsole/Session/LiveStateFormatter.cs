using System.Globalization;
using System.Text;
using Alg.Host.Control;
using Alg.Policy.Model;

namespace Alg.DeviceConsole.Session;

/// <summary>The show commands' output, in each dialect's layout, from a gateway's <see cref="LiveState"/>.</summary>
internal static class LiveStateFormatter
{
    public static string NatTranslations(LiveState state, bool verbose)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"Pro",-4}{"Inside global",-24}{"Inside local",-24}{"Outside local",-24}{"Outside global",-24}\n");
        foreach (var t in state.Translations)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t.Protocol,-4}{(t.Translated ? t.InsideGlobal : "---"),-24}{t.InsideLocal,-24}{t.OutsideLocal,-24}{t.OutsideGlobal,-24}\n");
            if (verbose)
            {
                text.Append(CultureInfo.InvariantCulture, $"    timeout {Seconds(t.SecondsLeft)}, initiated from {t.Initiator}{(t.FromPinhole ? ", admitted by an ALG's pinhole" : string.Empty)}{(t.TcpState is null ? string.Empty : ", tcp " + t.TcpState)}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"Total number of translations: {state.Translations.Count}\n");
        return text.ToString();
    }

    public static string NatStatistics(LiveState state)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Total active translations: {state.Translations.Count} ({state.Translations.Count(t => t.FromPinhole)} admitted by ALG pinholes)\n");
        text.Append(CultureInfo.InvariantCulture, $"Flows created: {state.FlowsCreated}, expired: {state.FlowsExpired}, capacity {state.FlowCapacity}\n");
        text.Append(CultureInfo.InvariantCulture, $"Packets translated: {state.PacketsTranslated}\n");
        text.Append(CultureInfo.InvariantCulture, $"Pinholes: {state.Pinholes.Count} open, {state.PinholesOpened} opened, {state.PinholesUsed} used, {state.PinholesExpired} expired\n");
        text.Append("Drops:").Append(state.Drops.Count == 0 ? " none\n" : "\n");
        foreach (var (reason, count) in state.Drops)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {reason,-32} {count}\n");
        }

        return text.ToString();
    }

    public static string Xlate(LiveState state)
    {
        var translated = state.Translations.Where(t => t.Translated).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{translated.Count} in use, {state.Translations.Count} flows\n");
        foreach (var t in translated)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t.Protocol.ToUpperInvariant()} PAT from inside:{Slash(t.InsideLocal)} to outside:{Slash(t.InsideGlobal)} timeout {Seconds(t.SecondsLeft)}\n");
        }

        return text.ToString();
    }

    public static string Connections(LiveState state)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{state.Translations.Count} in use\n");
        foreach (var t in state.Translations)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t.Protocol.ToUpperInvariant()} outside  {Slash(t.OutsideGlobal)} inside  {Slash(t.InsideLocal)}, timeout {Seconds(t.SecondsLeft)}, flags {Flags(t)}\n");
        }

        if (state.Pinholes.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{state.Pinholes.Count} pinholes (embryonic, opened by an ALG)\n");
            foreach (var p in state.Pinholes)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {p.Alg,-8} {p.Arrives} from {p.Peer} to {p.TranslatedTo}, timeout {Seconds(p.SecondsLeft)}, for {p.Signalling}\n");
            }
        }

        return text.ToString();
    }

    public static string Sessions(LiveState state)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"alloc {state.Translations.Count}/max {state.FlowCapacity}, pinholes {state.Pinholes.Count}\n");
        var id = 1;
        foreach (var t in state.Translations)
        {
            text.Append(CultureInfo.InvariantCulture, $"id {id++}/s**,vsys 0,flag {Flags(t)},policy -,time {Seconds(t.SecondsLeft)}\n");
            text.Append(CultureInfo.InvariantCulture, $" if inside:{Slash(t.InsideLocal)}->{Slash(t.OutsideLocal)},{t.Protocol} nat {Slash(t.InsideGlobal)}\n");
        }

        return text.ToString();
    }

    public static string Algs(LiveState? state, PolicyModel? policy)
    {
        var text = new StringBuilder();
        var enabled = policy?.Algs.Where(a => a.Enabled).Select(a => a.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var alg in policy?.Algs ?? [])
        {
            var counters = state?.Algs.FirstOrDefault(a => a.Name == alg.Name);
            text.Append(CultureInfo.InvariantCulture, $"{alg.Name,-12} {(alg.Enabled ? "enabled " : "disabled")}");
            if (counters is not null)
            {
                text.Append(counters.Implemented
                    ? string.Create(CultureInfo.InvariantCulture, $" inspected {counters.Inspected}, rewrites {counters.RewritesApplied} (refused {counters.RewritesRefused}), pinholes {counters.PinholesOpened} (refused {counters.PinholesRefused}), malformed {counters.Malformed}, failures {counters.Failures}")
                    : " not implemented: its flows pass uninspected");
            }

            text.Append('\n');
        }

        if (state is null && enabled.Count > 0)
        {
            text.Append("(counters need a running gateway: attach with --control)\n");
        }

        return text.ToString();
    }

    public static string ServicePolicy(LiveState? state, PolicyModel? policy, string? only)
    {
        var text = new StringBuilder("Global policy:\n  Service-policy: global_policy\n    Class-map: inspection_default\n");
        foreach (var alg in (policy?.Algs ?? []).Where(a => a.Enabled && (only is null || a.Name.StartsWith(only, StringComparison.OrdinalIgnoreCase))))
        {
            var counters = state?.Algs.FirstOrDefault(a => a.Name == alg.Name);
            text.Append(CultureInfo.InvariantCulture, $"      Inspect: {alg.Name}{(alg.InspectMap is null ? string.Empty : " " + alg.InspectMap)}");
            text.Append(counters is null
                ? (state is null ? ", counters need a running gateway\n" : ", packet 0, drop 0\n")
                : string.Create(CultureInfo.InvariantCulture, $", packet {counters.Inspected}, lock fail 0, drop {counters.Malformed + counters.RewritesRefused}, reset-drop 0, pinholes {counters.PinholesOpened}\n"));
        }

        return text.ToString();
    }

    public static string Calls(LiveState state)
    {
        var text = new StringBuilder();
        if (state.Calls.Count == 0)
        {
            return "no SIP signalling flows\n";
        }

        foreach (var call in state.Calls)
        {
            text.Append(CultureInfo.InvariantCulture, $"{call.Signalling}\n  verdict {call.Verdict}: {call.Reason}\n  SIP ALG {(call.AlgOn ? "on" : "off")}, calls {call.Calls}, media pinholes {call.MediaPinholes}, media flows admitted {call.MediaFlows}\n");
        }

        text.Append("(from the gateway's tables; 'alg doctor' on a capture gives every cause and the configuration line behind it)\n");
        return text.ToString();
    }

    private static string Slash(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        return colon < 0 ? endpoint : string.Concat(endpoint.AsSpan(0, colon), "/", endpoint.AsSpan(colon + 1));
    }

    private static string Seconds(long seconds) =>
        seconds < 0 ? "never" : TimeSpan.FromSeconds(seconds).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);

    private static string Flags(TranslationEntry t) => (t.FromPinhole ? "A" : string.Empty) + (t.Initiator == "inside" ? "O" : "I") + (t.TcpState is { } s ? " " + s : string.Empty);
}
