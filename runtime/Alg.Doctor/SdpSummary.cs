namespace Alg.Doctor;

/// <summary>What a SIP message's SDP body says about where its sender wants media (RFC 4566 §5.2 o=, §5.7 c=, §5.14 m=).</summary>
/// <param name="UsesIce">The body carries a=candidate lines (RFC 8839): the endpoint may receive elsewhere than c=/m= say.</param>
public sealed record SdpSummary(string? OriginAddress, string? SessionConnectionAddress, IReadOnlyList<SdpMedia> Media, bool UsesIce)
{
    /// <summary>The first audio stream that is not disabled (port 0 rejects a stream, RFC 3264 §6).</summary>
    public SdpMedia? Audio => Media.FirstOrDefault(m => m.Kind == "audio" && m.Port != 0);

    /// <summary>The connection address in effect for the audio stream, else the session's.</summary>
    public string? ConnectionAddress => Audio?.ConnectionAddress ?? SessionConnectionAddress;
}
