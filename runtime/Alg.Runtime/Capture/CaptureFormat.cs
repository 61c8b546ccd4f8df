namespace Alg.Runtime.Capture;

public enum CaptureFormat
{
    /// <summary>Classic libpcap format (one link type per file).</summary>
    Pcap,

    /// <summary>pcapng (draft-ietf-opsawg-pcapng): sections, interfaces and packet blocks.</summary>
    PcapNg,
}
