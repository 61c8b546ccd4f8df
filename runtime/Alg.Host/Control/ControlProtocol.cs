namespace Alg.Host.Control;

/// <summary>
/// The control socket's protocol. The client sends one command line, then, for <c>commit</c> only, the new
/// configuration text up to the end of its half of the connection; the server answers <c>ok</c> or <c>error</c> on
/// the first line, then the text, and closes the connection.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>reload</c>, <c>status</c>, <c>status json</c>: as <c>alg reload</c> and <c>alg status</c>.</item>
/// <item><c>version</c>: the running configuration's version (a hash of its text) alone.</item>
/// <item><c>running-config</c>: <c>version V</c>, <c>path P</c> (absolute), <c>dialect D</c> (as <c>--dialect</c> spells it), an empty line, then the text.</item>
/// <item><c>commit V</c> + text: load the text in place of the running configuration, which must still be version V
/// (a console's edit of what it read, refused when another change came first); answers <c>version V2</c>, then what
/// was done or why not.</item>
/// <item><c>write</c>: the running configuration replaces the configuration file (atomically, the old one kept as FILE.bak).</item>
/// <item><c>state json</c>: translations, pinholes, per-ALG counters and calls, as <see cref="LiveState"/>.</item>
/// </list>
/// </remarks>
public static class ControlProtocol
{
    public const string Reload = "reload";
    public const string Status = "status";
    public const string StatusJson = "status json";
    public const string Version = "version";
    public const string RunningConfig = "running-config";
    public const string Commit = "commit";
    public const string Write = "write";
    public const string StateJson = "state json";
    public const string Ok = "ok";
    public const string Error = "error";

    /// <summary>The first line of a request may not be longer: every command is a few words.</summary>
    public const int MaxCommandLineBytes = 1024;

    /// <summary>A commit carries a whole configuration: no larger than a configuration file may be.</summary>
    public const long MaxRequestBytes = Alg.Grammar.ConfigurationParser.MaxFileBytes + MaxCommandLineBytes;

    public static readonly string[] Known = [Reload, Status, StatusJson, Version, RunningConfig, Commit + " VERSION", Write, StateJson];
}
