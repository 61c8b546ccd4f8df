namespace Alg.StdlibAlgs.Ftp;

/// <summary>What reading one line of the control stream found, in the streaming style.</summary>
public enum FtpParseStatus : byte
{
    /// <summary>A whole line, read (its <see cref="FtpLine.Length"/> says how far).</summary>
    Complete,

    /// <summary>The line has not ended yet: more stream bytes are needed.</summary>
    Incomplete,

    /// <summary>A whole line (or an over-long start of one) that cannot be what it claims; <see cref="FtpParseError"/> says why.</summary>
    Error,
}
