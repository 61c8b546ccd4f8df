namespace Alg.StdlibAlgs.Ftp;

/// <summary>What a control line is, as far as the ALG cares.</summary>
public enum FtpLineKind : byte
{
    /// <summary>A client command that announces no address.</summary>
    Command,

    /// <summary><c>PORT h1,h2,h3,h4,p1,p2</c> (RFC 959 §4.1.2).</summary>
    Port,

    /// <summary><c>EPRT |af|address|port|</c> (RFC 2428 §2).</summary>
    Eprt,

    /// <summary><c>AUTH TLS</c>/<c>AUTH SSL</c> (RFC 4217 §4; RFC 2228 §3): a 234 answer makes the channel opaque.</summary>
    Auth,

    /// <summary>A server reply line that announces no address.</summary>
    Reply,

    /// <summary>A line of a 227 reply to PASV (RFC 959 §4.2, RFC 1123 §4.1.2.6).</summary>
    PassiveReply,

    /// <summary>A line of a 229 reply to EPSV (RFC 2428 §3).</summary>
    ExtendedPassiveReply,
}
