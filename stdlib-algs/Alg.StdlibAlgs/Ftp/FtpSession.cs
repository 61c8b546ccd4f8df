namespace Alg.StdlibAlgs.Ftp;

/// <summary>What the FTP ALG remembers about one control connection. A few flags: nothing grows with traffic.</summary>
internal sealed class FtpSession
{
    /// <summary>Per direction (0 client, 1 server): the bytes consumed so far ended inside an over-long line, so the next
    /// line starts after the next LF, not at the next byte.</summary>
    public bool[] MidLine { get; } = new bool[2];

    /// <summary>The client has sent its first line (which must be an FTP command, else the connection is not FTP).</summary>
    public bool ClientSpoke { get; set; }

    /// <summary>The server has sent its first line (which must be a reply).</summary>
    public bool ServerSpoke { get; set; }

    /// <summary>The code of the multi-line reply in progress (RFC 959 §4.2), or 0.</summary>
    public int OpenReplyCode { get; set; }

    /// <summary>The reply in progress already announced its endpoint (a 227's numbers are taken once per reply).</summary>
    public bool ReplyAnnounced { get; set; }

    /// <summary>An AUTH TLS/SSL awaits its answer; a 234 then makes the connection opaque (RFC 4217 §4).</summary>
    public bool AuthPending { get; set; }

    /// <summary>ASA strict: a command has not been answered yet (the next command must wait for it).</summary>
    public bool AwaitingReply { get; set; }
}
