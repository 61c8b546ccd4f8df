namespace Alg.Runtime.Tests.Sctp;

/// <summary>The anomaly classes the tests count, as the inspector names them.</summary>
internal static class SctpInspectorReasons
{
    public const string NoAssociation = "SCTP: no association: a first packet that is not an INIT (RFC 9260 §8.4)";
    public const string BadTag = "SCTP: a verification tag that is not the association's (RFC 9260 §8.5, §8.5.1)";
    public const string WrongState = "SCTP: a chunk the association's state does not allow (RFC 9260 §4, §5.1)";
    public const string Bundling = "SCTP: INIT, INIT ACK or SHUTDOWN COMPLETE not alone, or COOKIE ECHO or COOKIE ACK not first (RFC 9260 §6.10, §5.1)";
    public const string BadChecksum = "SCTP: a CRC32c that does not match the packet (RFC 9260 §6.8)";
}
