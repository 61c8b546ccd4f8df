using Alg.DeviceConsole.Session;
using Alg.DeviceConsole.Stores;
using Alg.DeviceConsole.Tests.Support;
using Alg.Policy.Model;

namespace Alg.DeviceConsole.Tests.Editing;

/// <summary>The session without a terminal: modes and prompts per dialect, abbreviations, help, completion, refusals.</summary>
public sealed class SessionTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly StringWriter _output = new() { NewLine = "\n" };

    public void Dispose() => _folder.Dispose();

    private ConsoleSession Open(string config, Dialect dialect) => new(new FileConfigurationStore(_folder.Copy(config)), dialect, _output);

    [Fact]
    public void Ios_prompts_follow_the_modes_and_abbreviations_are_written_out()
    {
        var session = Open("ios-gateway.cfg", Dialect.Ios);
        Assert.Equal("algrun-gw# ", session.Prompt);
        Assert.True(session.Execute("conf t", 1));
        Assert.Equal("algrun-gw(config)# ", session.Prompt);
        Assert.True(session.Execute("int gl0", 2));
        Assert.Equal("algrun-gw(config-if)# ", session.Prompt);
        Assert.True(session.Execute("desc phones", 3));
        Assert.True(session.Execute("exit", 4));
        Assert.Equal("algrun-gw(config)# ", session.Prompt);
        Assert.True(session.Execute("ip access-list extended EDGE", 5));
        Assert.Equal("algrun-gw(config-ext-nacl)# ", session.Prompt);
        Assert.True(session.Execute("permit udp any any eq 5060", 6));
        Assert.True(session.Execute("hostname edge", 7));
        Assert.Equal("edge(config)# ", session.Prompt);
        session.EndConfiguration();
        Assert.Equal("edge# ", session.Prompt);
        Assert.Contains("interface gl0\n description phones\n", session.RunningText.Replace(" description inside (phone 192.168.1.10)\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("ip access-list extended EDGE\n permit udp any any eq 5060\n", session.RunningText, StringComparison.Ordinal);
        Assert.DoesNotContain("hostname algrun-gw", session.RunningText, StringComparison.Ordinal);
    }

    [Fact]
    public void Asa_has_policy_map_and_class_modes_and_show_in_configuration_mode()
    {
        var session = Open("asa-gateway.cfg", Dialect.Asa);
        session.Execute("configure terminal", 1);
        session.Execute("policy-map global_policy", 2);
        Assert.Equal("ciscofirewall(config-pmap)# ", session.Prompt);
        session.Execute("class inspection_default", 3);
        Assert.Equal("ciscofirewall(config-pmap-c)# ", session.Prompt);
        Assert.True(session.Execute("show run | inc inspect sip", 4));
        Assert.Contains("  inspect sip", _output.ToString(), StringComparison.Ordinal);
        session.Execute("end", 5);
        Assert.Equal("ciscofirewall# ", session.Prompt);
    }

    [Fact]
    public void Screenos_has_one_prompt_and_set_lines_at_it()
    {
        var session = Open("screenos-gateway.cfg", Dialect.ScreenOs);
        Assert.Equal("ssg5-> ", session.Prompt);
        Assert.True(session.Execute("set alg sip media-inactivity-timeout 90", 1));
        Assert.True(session.Execute("set alg sip media-inactivity-timeout 120", 2));
        Assert.Single(session.RunningText.Split('\n'), l => l.Contains("media-inactivity-timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void A_refused_line_prints_its_caret_under_what_was_typed_and_changes_nothing()
    {
        var session = Open("ios-gateway.cfg", Dialect.Ios);
        session.Execute("conf t", 1);
        var before = session.RunningText;
        Assert.False(session.Execute("ip nat servce sip udp port 5060", 2));
        var lines = _output.ToString().Split('\n');
        var caret = lines.Single(l => l.TrimStart().StartsWith('^'));
        Assert.Equal("algrun-gw(config)# ".Length + "ip nat ".Length, caret.IndexOf('^', StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("% console(2,8): error ALG1002", StringComparison.Ordinal) && l.Contains("did you mean 'service'", StringComparison.Ordinal));
        Assert.Equal(before, session.RunningText);
    }

    [Fact]
    public void A_line_the_binder_refuses_is_refused_and_the_caret_maps_back_through_abbreviations()
    {
        var session = Open("ios-gateway.cfg", Dialect.Ios);
        session.Execute("conf t", 1);
        Assert.False(session.Execute("ip nat serv sipp udp port 5060", 2));
        Assert.Contains("% console(2,13): error ALG2001", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_exec_command_and_an_ambiguous_abbreviation_are_refused()
    {
        var session = Open("ios-gateway.cfg", Dialect.Ios);
        Assert.False(session.Execute("shw run", 1));
        Assert.Contains("Invalid input detected", _output.ToString(), StringComparison.Ordinal);
        Assert.False(session.Execute("c", 2));
        Assert.Contains("Ambiguous command: 'c' may be configure, copy", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_what_the_grammar_accepts_next_and_completion_finishes_a_keyword()
    {
        var session = Open("ios-gateway.cfg", Dialect.Ios);
        Assert.Contains(session.Help(string.Empty), e => e.Word == "configure" && e.Help.Length > 0);
        Assert.Equal(["running-config"], session.Completions("show run"));
        session.Execute("conf t", 1);
        var next = session.Help("ip nat ").Select(e => e.Word).ToList();
        Assert.Equal(["inside", "outside", "pool", "service", "translation"], next);
        Assert.Equal(["service"], session.Completions("ip nat ser"));
        Assert.Contains(session.Help("ip nat service sip udp port 5060 "), e => e.Word == "<cr>");
        Assert.Contains(session.Help("do sh"), e => e.Word == "show");
    }

    [Fact]
    public void No_removes_what_it_names_and_stays_only_where_it_changes_the_policy()
    {
        var session = Open("ios-gateway.cfg", Dialect.Ios);
        session.Execute("conf t", 1);
        Assert.True(session.Execute("no ip nat service sip udp port 5060", 2));
        Assert.Contains("\nno ip nat service sip udp port 5060\n", session.RunningText, StringComparison.Ordinal);
        Assert.True(session.Execute("ip nat service sip udp port 5060", 3));
        Assert.DoesNotContain("no ip nat service sip udp port 5060", session.RunningText, StringComparison.Ordinal);
        Assert.True(session.Execute("no ip nat translation udp-timeout 300", 4));
        Assert.DoesNotContain("udp-timeout", session.RunningText, StringComparison.Ordinal);
        Assert.True(session.Execute("interface lo9", 5));
        Assert.True(session.Execute("exit", 6));
        Assert.Contains("interface lo9", session.RunningText, StringComparison.Ordinal);
        Assert.True(session.Execute("no interface lo9", 7));
        Assert.DoesNotContain("interface lo9", session.RunningText, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exec_command_typed_in_ios_configuration_mode_is_refused_and_never_stored()
    {
        var session = Open("ios-gateway.cfg", Dialect.Ios);
        session.Execute("conf t", 1);
        var before = session.RunningText;
        Assert.False(session.Execute("show run | inc nat", 2));
        Assert.Contains("error ALG1017: 'show' is an exec command, not configuration: in configuration mode type 'do show run | inc nat'", _output.ToString(), StringComparison.Ordinal);
        Assert.False(session.Execute("conf t", 3));
        Assert.Equal(before, session.RunningText);
        Assert.True(session.Execute("do show run | inc nat", 4));
    }

    [Fact]
    public void Live_state_on_a_file_alone_says_it_needs_a_running_gateway()
    {
        var session = Open("ios-gateway.cfg", Dialect.Ios);
        Assert.False(session.Execute("show ip nat translations", 1));
        Assert.Contains("live state needs a running gateway", _output.ToString(), StringComparison.Ordinal);
    }
}
