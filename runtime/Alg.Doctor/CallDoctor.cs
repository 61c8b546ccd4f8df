namespace Alg.Doctor;

/// <summary>`alg doctor`: reads captures, finds the calls in them and diagnoses each one.</summary>
public static class CallDoctor
{
    /// <summary>Diagnoses every call (a Call-ID with an INVITE) found in the captures, in order of its first INVITE.</summary>
    /// <exception cref="Alg.Runtime.Capture.CaptureFormatException">A capture cannot be read.</exception>
    public static IReadOnlyList<CallDiagnosis> Diagnose(IReadOnlyList<string> capturePaths, GatewayContext? gateway = null)
    {
        ArgumentNullException.ThrowIfNull(capturePaths);
        var names = DisplayNames(capturePaths);
        return Diagnose([.. capturePaths.Select((path, index) => CaptureScanner.Scan(path, names[index]))], gateway);
    }

    /// <summary>File names, unless two are alike (lan0.pcap of two scenarios): then the paths as given, numbered if still alike.</summary>
    public static IReadOnlyList<string> DisplayNames(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var names = paths.Select(Path.GetFileName).Select(n => n ?? string.Empty).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() == names.Count)
        {
            return names;
        }

        return [.. paths.Select((path, index) => paths.Take(index).Contains(path, StringComparer.Ordinal) ? $"{path} ({index + 1})" : path)];
    }

    public static IReadOnlyList<CallDiagnosis> Diagnose(IReadOnlyList<CaptureScan> scans, GatewayContext? gateway)
    {
        ArgumentNullException.ThrowIfNull(scans);
        var captureOrder = scans.Select((scan, index) => (scan.Name, index)).ToDictionary(p => p.Name, p => p.index, StringComparer.Ordinal);
        return scans
            .SelectMany(scan => scan.Messages)
            .GroupBy(message => DialogKey(message.CallId), StringComparer.Ordinal)
            .Where(call => call.Any(m => m.IsRequest && m.Method == "INVITE"))
            .Select(call => new CallAnalyzer([.. call.OrderBy(m => m.TimeNanoseconds).ThenBy(m => captureOrder[m.Capture])], scans, gateway).Diagnose())
            .OrderBy(d => d.StartNanoseconds)
            .ToList();
    }

    /// <summary>
    /// The Call-ID without its "@host" part: some ALGs (Cisco IOS among them) translate an address there, so
    /// the same call has two Call-IDs on the two sides of the gateway; the random local part is what identifies it
    /// (RFC 3261 §8.1.1.4 asks for it to be globally unique on its own).
    /// </summary>
    private static string DialogKey(string callId)
    {
        var at = callId.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? callId[..at] : callId;
    }
}
