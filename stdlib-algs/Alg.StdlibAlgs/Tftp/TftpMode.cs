namespace Alg.StdlibAlgs.Tftp;

/// <summary>A request's transfer mode (RFC 1350 §5).</summary>
public enum TftpMode : byte
{
    NetAscii,
    Octet,
    Mail,
}
