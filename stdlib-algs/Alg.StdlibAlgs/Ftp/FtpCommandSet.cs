namespace Alg.StdlibAlgs.Ftp;

/// <summary>The commands an ASA FTP inspect map can deny (<c>match request-command …</c>), by the ASA's names.</summary>
[Flags]
public enum FtpCommandSet : ushort
{
    None = 0,

    /// <summary>APPE: append to a file.</summary>
    Appe = 1 << 0,

    /// <summary>CDUP (and XCUP): change to the parent directory.</summary>
    Cdup = 1 << 1,

    /// <summary>DELE: delete a file.</summary>
    Dele = 1 << 2,

    /// <summary>RETR: the ASA calls it <c>get</c>.</summary>
    Get = 1 << 3,

    /// <summary>HELP.</summary>
    Help = 1 << 4,

    /// <summary>MKD (and XMKD).</summary>
    Mkd = 1 << 5,

    /// <summary>STOR: the ASA calls it <c>put</c>.</summary>
    Put = 1 << 6,

    /// <summary>RMD (and XRMD).</summary>
    Rmd = 1 << 7,

    /// <summary>RNFR: rename from.</summary>
    Rnfr = 1 << 8,

    /// <summary>RNTO: rename to.</summary>
    Rnto = 1 << 9,

    /// <summary>SITE: server-specific commands.</summary>
    Site = 1 << 10,

    /// <summary>STOU: store with a unique name.</summary>
    Stou = 1 << 11,
}
