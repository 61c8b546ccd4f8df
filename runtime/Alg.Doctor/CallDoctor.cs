namespace Alg.Doctor;

/// <summary>`alg doctor`: reads captures, finds the calls in them and diagnoses each one.</summary>
public static class CallDoctor
{
    /// <summary>Diagnoses every call (a Call-ID with an INVITE) found in the captures, in order of its first INVITE.</summary>
    /// <exception cref="Alg.Runtime.Capture.CaptureFormatException">A capture cannot be read.</exception>
    public static IReadOnlyList<CallDiagnosis> Diagnose(IReadOnlyList<string> capturePaths, GatewayContext? gateway = null)
    {
        ArgumentNullException.ThrowIfNull(capturePaths);
        return Diagnose([.. capturePaths.Select(CaptureScanner.Scan)], gateway);
    }

    public static IReadOnlyList<CallDiagnosis> Diagnose(IReadOnlyList<CaptureScan> scans, GatewayContext? gateway)
    {
        ArgumentNullException.ThrowIfNull(scans);
        var captureOrder = scans.Select((scan, index) => (scan.Name, index)).ToDictionary(p => p.Name, p => p.index, StringComparer.Ordinal);
        return scans
            .SelectMany(scan => scan.Messages)
            .GroupBy(message => message.CallId, StringComparer.Ordinal)
            .Where(call => call.Any(m => m.IsRequest && m.Method == "INVITE"))
            .Select(call => new CallAnalyzer([.. call.OrderBy(m => m.TimeNanoseconds).ThenBy(m => captureOrder[m.Capture])], scans, gateway).Diagnose())
            .OrderBy(d => d.StartNanoseconds)
            .ToList();
    }
}
