using System.Collections.Immutable;
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

    private FtpSettings(in AlgFlowContext context)
    {
        Source = context.Options;
        Strict = context.Option("strict")?.AsBoolean ?? false;
        foreach (var (name, command) in DenyOptions)
        {
            if (context.Option(FtpAlgDescriptor.DenyOption(name))?.AsBoolean == true)
            {
                Denied |= command;
            }
        }
    }

    public ImmutableSortedDictionary<string, AlgOptionValue> Source { get; }

    /// <summary>ASA <c>inspect ftp strict</c>.</summary>
    public bool Strict { get; }

    /// <summary>Commands that drop the connection (ASA <c>match request-command</c> with reset/drop).</summary>
    public FtpCommandSet Denied { get; }

    public static FtpSettings For(in AlgFlowContext context, FtpSettings? cached) =>
        cached is not null && ReferenceEquals(cached.Source, context.Options) ? cached : new FtpSettings(in context);
}
