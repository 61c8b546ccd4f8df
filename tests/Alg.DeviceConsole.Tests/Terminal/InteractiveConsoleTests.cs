using Alg.DeviceConsole.Tests.Support;

namespace Alg.DeviceConsole.Tests.Terminal;

/// <summary>
/// The interactive console as a user meets it: <c>alg console</c> run on a pseudo-terminal, keys typed into it —
/// prompts, mode changes, <c>?</c>, Tab, an error with its caret, history, Ctrl-Z.
/// </summary>
public sealed class InteractiveConsoleTests
{
    private const string Up = "\u001b[A";
    private const string CtrlZ = "\u001a";

    [Fact]
    public void A_session_at_a_terminal_has_prompts_help_completion_carets_history_and_control_z()
    {
        using var folder = new TempFolder();
        var config = folder.Copy("ios-gateway.cfg");
        using var pty = new PseudoTerminal("console", "--config", config);
        pty.WaitFor("algrun-gw# ");

        // Help at the exec prompt, then a mode change typed abbreviated.
        var mark = pty.Screen.Length;
        pty.Type("?");
        var screen = pty.WaitFor("configure", mark);
        Assert.Contains("  show", screen[mark..], StringComparison.Ordinal);
        pty.Type("conf t\r");
        mark = pty.WaitFor("algrun-gw(config)# ").Length;

        // '?' after words lists what the grammar takes next; the line typed so far stays.
        pty.Type("ip nat ?");
        screen = pty.WaitFor("translation", mark);
        Assert.Contains("  service", screen[mark..], StringComparison.Ordinal);
        Assert.Contains("algrun-gw(config)# ip nat ", screen[screen.LastIndexOf("translation", StringComparison.Ordinal)..], StringComparison.Ordinal);

        // Tab completes a keyword; Ctrl-U clears the line.
        pty.Type("\u0015int\t");
        pty.WaitFor("interface ", mark);
        pty.Type("gl0\r");
        mark = pty.WaitFor("algrun-gw(config-if)# ").Length;

        // An error: the caret under the word at fault, the code, and nothing changed.
        pty.Type("ip nat servce\r");
        screen = pty.WaitFor("error ALG1002", mark);
        var lines = screen[mark..].Split('\n');
        var caret = lines.First(l => l.TrimStart().StartsWith('^'));
        Assert.Equal("algrun-gw(config-if)# ip nat ".Length, caret.TrimEnd('\r').IndexOf('^', StringComparison.Ordinal));
        Assert.Contains("did you mean 'service'", screen[mark..], StringComparison.Ordinal);

        // History: Up brings the last line back for editing; Backspace and retyping fix it.
        mark = pty.Screen.Length;
        pty.Type(Up);
        pty.WaitFor("ip nat servce", mark);
        pty.Type("\b\b\b\b\b\bsrvce\r");
        pty.WaitFor("error ALG1002", mark);
        mark = pty.Screen.Length;
        pty.Type(Up + Up + "\r");
        pty.WaitFor("error ALG1002", mark);

        // A good line, then Ctrl-Z back to exec; the change is in the running configuration.
        mark = pty.Screen.Length;
        pty.Type("\u0015ip nat outside\r");
        pty.WaitFor("algrun-gw(config-if)# ", mark);
        pty.Type(CtrlZ);
        pty.WaitFor("^Z\r\nalgrun-gw# ", mark);
        mark = pty.Screen.Length;
        pty.Type("show run | section interface gl0\r");
        screen = pty.WaitFor(" ip nat outside", mark);
        Assert.DoesNotContain(" ip nat inside", screen[mark..], StringComparison.Ordinal);

        pty.Type("exit\r");
        Assert.True(pty.WaitForExit(), PseudoTerminal.Printable(pty.Screen));
        Assert.Equal(0, pty.ExitCode);
    }

    [Fact]
    public void At_a_terminal_attached_to_a_gateway_each_line_is_loaded_as_it_is_typed()
    {
        using var folder = new TempFolder();
        using var gateway = new InProcessGateway(folder.Copy("ios-gateway.cfg"));
        using var pty = new PseudoTerminal("console", "--control", gateway.SocketPath);
        pty.WaitFor("algrun-gw# ");
        Assert.Contains("attached to the gateway", pty.Screen, StringComparison.Ordinal);
        pty.Type("conf t\r");
        var mark = pty.WaitFor("algrun-gw(config)# ").Length;
        pty.Type("no ip nat service sip udp port 5060\r");
        pty.WaitFor("algrun-gw(config)# ", mark);
        pty.Type("no ip nat service sip tcp port 5060\r");
        pty.WaitFor("algrun-gw(config)# ", pty.Screen.Length - 1);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (gateway.SipAlgOn && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Assert.False(gateway.SipAlgOn, PseudoTerminal.Printable(pty.Screen));
        pty.Type("\u001aexit\r");
        Assert.True(pty.WaitForExit(), PseudoTerminal.Printable(pty.Screen));
    }

    [Fact]
    public void Asa_modes_show_in_the_prompt_at_a_terminal()
    {
        using var folder = new TempFolder();
        var config = folder.Copy("asa-gateway.cfg");
        using var pty = new PseudoTerminal("console", "--config", config);
        pty.WaitFor("ciscofirewall# ");
        pty.Type("conf t\rpolicy-map global_policy\r");
        pty.WaitFor("ciscofirewall(config-pmap)# ");
        pty.Type("class inspection_default\r");
        pty.WaitFor("ciscofirewall(config-pmap-c)# ");
        pty.Type("no inspect sip\rend\rexit\r");
        Assert.True(pty.WaitForExit(), PseudoTerminal.Printable(pty.Screen));
    }
}
