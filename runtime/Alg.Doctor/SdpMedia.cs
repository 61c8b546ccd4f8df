namespace Alg.Doctor;

/// <summary>One m= line of an SDP body with the connection address in effect for it (RFC 4566 §5.7: media-level c= wins over session-level).</summary>
public sealed record SdpMedia(string Kind, int Port, string? ConnectionAddress)
{
    public MediaEndpoint? Endpoint => ConnectionAddress is null ? null : new MediaEndpoint(ConnectionAddress, Port);
}
