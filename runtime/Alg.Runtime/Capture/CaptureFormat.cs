namespace Alg.Runtime.Capture;

/// <summary>The container format of a capture file, detected from its magic number (not its extension).</summary>
public enum CaptureFormat
{
    /// <summary>Classic libpcap format (one link type per file).</summary>
    Pcap,

    /// <summary>pcapng (draft-ietf-opsawg-pcapng): sections, interfaces and packet blocks.</summary>
    PcapNg,
}
