using Alg.DeviceConsole.Editing;
using Alg.DeviceConsole.Grammar;
using Alg.Policy.Model;

namespace Alg.DeviceConsole.Dialects;

/// <summary>
/// How one vendor's CLI behaves at the console: its prompts and mode names, the word that undoes a command, the
/// commands whose new value replaces the old, its exec commands, and the grammar its configuration lines are read with.
/// </summary>
internal abstract class DialectProfile
{
    private ConfigGrammar? _grammar;

    public abstract Dialect Dialect { get; }

    /// <summary>The word that undoes a command: <c>no</c>, or ScreenOS's <c>unset</c>.</summary>
    public abstract string NegationWord { get; }

    /// <summary>The word a command starts with that its negation replaces (ScreenOS's <c>set</c>), or null.</summary>
    public virtual string? AssertionWord => null;

    /// <summary>IOS and ASA type configuration in <c>configure terminal</c>; ScreenOS types it at the one prompt.</summary>
    public virtual bool HasConfigurationMode => true;

    /// <summary>ASA runs show commands in configuration mode without <c>do</c>.</summary>
    public virtual bool ShowsInConfigurationMode => false;

    public abstract string DefaultHostname { get; }

    /// <summary>
    /// Commands that hold one value, so a new line replaces the old one in the same block: each pattern is the leading
    /// words of the command (<c>*</c> any word), and lines agreeing on those words are the same setting.
    /// </summary>
    public abstract IReadOnlyList<string[]> SingleValued { get; }

    /// <summary>The grammar of the configuration lines, built once.</summary>
    public ConfigGrammar Grammar => _grammar ??= CreateGrammar();

    /// <summary>The global mode's line rule, where every configuration line can be tried last.</summary>
    public abstract int GlobalRuleIndex { get; }

    public abstract string Prompt(string hostname, bool configuring, IReadOnlyList<ContextFrame> context);

    /// <summary>
    /// Junos keeps changes in a candidate until <c>commit</c>; the other dialects apply each line at once.
    /// </summary>
    public virtual bool CommitsOnRequest => false;

    /// <summary>The <c>|</c> filters of show commands in the dialect's words.</summary>
    public virtual Filters.OutputFilter Filters => Alg.DeviceConsole.Filters.OutputFilter.Cisco;

    /// <summary>The word that runs an exec command in configuration mode: <c>do</c>, Junos's <c>run</c>.</summary>
    public virtual string ExecPrefix => "do";

    /// <summary>Commands of configuration mode other than configuration lines (Junos: <c>commit</c>, <c>rollback</c>, <c>show</c>).</summary>
    public virtual IReadOnlyList<ExecCommand> ConfigurationCommands => [];

    /// <summary>Exec commands in the dialect's spelling (<c>show ip nat translations</c>, <c>show xlate</c>, <c>get alg</c>).</summary>
    public abstract IReadOnlyList<ExecCommand> ExecCommands { get; }

    protected abstract ConfigGrammar CreateGrammar();

    public static DialectProfile For(Dialect dialect) => dialect switch
    {
        Dialect.Ios => new IosProfile(),
        Dialect.Asa => new AsaProfile(),
        Dialect.ScreenOs => new ScreenOsProfile(),
        Dialect.Junos => new JunosProfile(),
        _ => throw new NotSupportedException($"the console does not speak {Alg.Grammar.Common.DialectNames.Display(dialect)} yet"),
    };

    public static bool Supports(Dialect dialect) => dialect is Dialect.Ios or Dialect.Asa or Dialect.ScreenOs or Dialect.Junos;

    /// <summary>"config-" and a mode's short name, as the device prints it in the prompt.</summary>
    protected static string SubModeName(ContextFrame frame, IReadOnlyDictionary<string, string> names)
    {
        // "ip access-list extended EDGE" is an extended ACL's mode: a word of the header may name the kind.
        var words = ConfigText.Words(frame.Header);
        foreach (var word in words.Skip(1))
        {
            if (names.TryGetValue($"{frame.Mode.Name} {word.ToLowerInvariant()}", out var exact))
            {
                return exact;
            }
        }

        return names.TryGetValue(frame.Mode.Name, out var name) ? name : "config-" + (words.Length > 0 ? words[0].ToLowerInvariant() : "sub");
    }
}
