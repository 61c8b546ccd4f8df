using Alg.Policy.Algs;
using Alg.Runtime.Algs;

namespace Alg.StdlibAlgs.Ftp;

/// <summary>The FTP ALG's options read once per configuration (not per packet): ASA <c>inspect ftp strict</c> and the
/// commands its inspect map denies.</summary>
internal sealed class FtpSettings
{
    private static readonly (string Name, FtpCommandSet Command)[] DenyOptions =
    [
        ("appe", FtpCommandSet.Appe), ("cdup", FtpCommandSet.Cdup), ("dele", FtpCommandSet.Dele), ("get", FtpCommandSet.Get),
        ("help", FtpCommandSet.Help), ("mkd", FtpCommandSet.Mkd), ("put", FtpCommandSet.Put), ("rmd", FtpCommandSet.Rmd),
        ("rnfr", FtpCommandSet.Rnfr), ("rnto", FtpCommandSet.Rnto), ("site", FtpCommandSet.Site), ("stou", FtpCommandSet.Stou),
    ];

    public FtpSettings(in AlgSettingsSource source)
    {
        Strict = source.Option("strict")?.AsBoolean ?? false;
        foreach (var (name, command) in DenyOptions)
        {
            if (source.Option(FtpAlgDescriptor.DenyOption(name))?.AsBoolean == true)
            {
                Denied |= command;
            }
        }
    }

    /// <summary>ASA <c>inspect ftp strict</c>.</summary>
    public bool Strict { get; }

    /// <summary>Commands that drop the connection (ASA <c>match request-command</c> with reset/drop).</summary>
    public FtpCommandSet Denied { get; }
}
