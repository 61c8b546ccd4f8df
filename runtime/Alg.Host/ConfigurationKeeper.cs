using Alg.Compiler;
using Alg.Compiler.Lowering;
using Alg.Compiler.Output;
using Alg.Grammar;
using Alg.Grammar.Common;
using Alg.Host.Control;
using Alg.Policy.Diagnostics;
using Alg.Policy.Model;
using Alg.Policy.Text;
using Microsoft.Extensions.Logging;

namespace Alg.Host;

/// <summary>
/// The running configuration of a gateway: its text and version, the policy it bound to, and the one path every change
/// takes — a reload of the file (SIGHUP, <c>alg reload</c>) and a console's commit alike: load the text, refuse it with
/// its diagnostics when it has errors or would change the bound interfaces, else prepare it off the packet path and
/// have it installed between two packets. Flows, mappings and pinholes stay.
/// </summary>
public sealed class ConfigurationKeeper
{
    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly Dialect? _dialect;

    // A console's commit is read in the dialect the gateway runs, never detected again from an edited text.
    private Dialect _runningDialect;
    private readonly Gateway _gateway;
    private readonly Func<PreparedConfiguration, bool> _install;
    private readonly ILogger _log;
    private string _text;
    private string _version;

    // The version of the file as the gateway last read (and applied) or wrote it: write memory does not overwrite a
    // hand edit it has not loaded.
    private string _fileVersion;
    private PolicyModel _policy;
    private string _fingerprint;
    private long _reloads;
    private long _reloadFailures;

    /// <param name="install">Installs a prepared configuration where packets cannot see half of it (the worker, between
    /// two frames); false when that did not happen.</param>
    public ConfigurationKeeper(string path, Dialect? dialect, string text, PolicyModel policy, Gateway gateway, Func<PreparedConfiguration, bool> install, ILogger log)
    {
        _path = path;
        _dialect = dialect;
        _runningDialect = dialect ?? policy.Dialect;
        _text = text;
        _version = ConfigurationVersion.Of(text);
        _fileVersion = _version;
        _policy = policy;
        _gateway = gateway;
        _install = install;
        _log = log;
        _fingerprint = PolicyLowerer.Lower(policy).Fingerprint;
    }

    public string Path => _path;

    public PolicyModel Policy => _policy;

    public string Fingerprint => _fingerprint;

    public long Reloads => Interlocked.Read(ref _reloads);

    public long ReloadFailures => Interlocked.Read(ref _reloadFailures);

    public RunningConfiguration Running()
    {
        lock (_gate)
        {
            return new RunningConfiguration(_text, _version, _path, DialectNames.Option(_runningDialect));
        }
    }

    /// <summary>Reads the configuration file again and applies it.</summary>
    public ReloadOutcome Reload()
    {
        string text;
        try
        {
            var size = new FileInfo(_path).Length;
            if (size > ConfigurationParser.MaxFileBytes)
            {
                return Refuse([$"{_path}: {size} bytes, more than a configuration may have ({ConfigurationParser.MaxFileBytes}); still running the configuration loaded before"]);
            }

            text = File.ReadAllText(_path);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return Refuse([$"{_path}: cannot read: {unreadable.Message}; still running the configuration loaded before (fingerprint {_fingerprint})"]);
        }

        var outcome = Apply(text, basedOn: null, _dialect, "reloaded " + _path);
        if (outcome.Applied)
        {
            _fileVersion = ConfigurationVersion.Of(text);
        }

        return outcome;
    }

    /// <summary>A console's change: <paramref name="text"/> replaces the running configuration when that is still <paramref name="basedOn"/>.</summary>
    public ReloadOutcome Commit(string basedOn, string text) => Apply(text, basedOn, _runningDialect, "committed a console's change to " + _path);

    /// <summary><c>write memory</c>: the running text replaces the configuration file, the old one kept as FILE.bak.</summary>
    public ReloadOutcome WriteConfigurationFile()
    {
        lock (_gate)
        {
            try
            {
                if (File.Exists(_path) && ConfigurationVersion.Of(File.ReadAllText(_path)) != _fileVersion)
                {
                    return new ReloadOutcome(false, $"alg: {_path} changed on the disk since the gateway read it (an edit not reloaded?); not overwritten: 'alg reload' it first, or save the console's changes elsewhere", _version);
                }

                ConfigurationFileWriter.Write(_path, _text);
                _fileVersion = _version;
            }
            catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
            {
                return new ReloadOutcome(false, $"alg: cannot write {_path}: {failed.Message}", _version);
            }

            _log.LogInformation("wrote the running configuration to {Config} (version {Version})", _path, _version);
            return new ReloadOutcome(true, $"wrote {_path} (previous kept as {_path}{ConfigurationFileWriter.BackupSuffix})", _version);
        }
    }

    private ReloadOutcome Apply(string text, string? basedOn, Dialect? dialect, string what)
    {
        lock (_gate)
        {
            if (basedOn is not null && basedOn != _version)
            {
                return Refuse([$"alg: the running configuration changed since this console read it (it read version {basedOn}, the gateway runs {_version}, changed by another console or a reload); nothing was applied: read it again and retype the change"]);
            }

            var load = ConfigurationLoader.Load(new SourceText(_path, text), dialect);
            var errors = load.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => DiagnosticTextRenderer.Render(d, load.Source)).ToList();
            if (load.Policy is not { } policy)
            {
                errors.Add($"alg: the configuration has errors; still running {_path} as loaded before (fingerprint {_fingerprint})");
                return Refuse(errors);
            }

            var changed = InterfaceChange(Forwarded(_policy), Forwarded(policy));
            if (changed is not null)
            {
                return Refuse([$"alg: {changed}; a reload keeps the bound interfaces: restart alg run to change them"]);
            }

            // Lowering (and, in compiled mode, Roslyn) here on the caller's thread: the installer only swaps the result in.
            var prepared = _gateway.Prepare(policy);
            if (!_install(prepared))
            {
                return Refuse(["alg: the packet worker did not take the new configuration (is it shutting down?)"]);
            }

            var previous = _fingerprint;
            _policy = policy;
            _runningDialect = policy.Dialect;
            _fingerprint = prepared.Program.Fingerprint;
            _text = text;
            _version = ConfigurationVersion.Of(text);
            Interlocked.Increment(ref _reloads);
            _log.LogInformation("{What}: fingerprint {Previous} -> {Fingerprint}", what, previous, _fingerprint);
            return new ReloadOutcome(true, $"{what} (fingerprint {_fingerprint})", _version);
        }
    }

    internal static List<InterfacePolicy> Forwarded(PolicyModel policy) =>
        [.. policy.Interfaces.Where(i => i.Role != InterfaceRole.Unassigned && !i.Shutdown)];

    private static string? InterfaceChange(List<InterfacePolicy> running, List<InterfacePolicy> next)
    {
        static string Describe(InterfacePolicy i) => $"{i.Name} {i.Role.ToString().ToLowerInvariant()} {i.Address}";
        var before = running.Select(Describe).Order(StringComparer.Ordinal).ToList();
        var after = next.Select(Describe).Order(StringComparer.Ordinal).ToList();
        return before.SequenceEqual(after) ? null : $"the interfaces changed (running: {string.Join(", ", before)}; new: {string.Join(", ", after)})";
    }

    private ReloadOutcome Refuse(List<string> reasons)
    {
        Interlocked.Increment(ref _reloadFailures);
        foreach (var reason in reasons)
        {
            _log.LogError("change refused: {Reason}", reason);
        }

        return new ReloadOutcome(false, string.Join('\n', reasons), _version);
    }
}
