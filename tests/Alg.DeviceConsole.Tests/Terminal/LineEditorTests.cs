using Alg.DeviceConsole.Session;
using Alg.DeviceConsole.Stores;
using Alg.DeviceConsole.Terminal;
using Alg.DeviceConsole.Tests.Support;
using Alg.Policy.Model;

namespace Alg.DeviceConsole.Tests.Terminal;

/// <summary>The line editor's keys on a scripted terminal: editing in the middle, words, history, Tab choices, Ctrl-Z.</summary>
public sealed class LineEditorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ConsoleSession Session() => new(new FileConfigurationStore(_folder.Copy("ios-gateway.cfg", Guid.NewGuid().ToString("N") + ".cfg")), Dialect.Ios, new StringWriter());

    private static ConsoleKeyInfo Key(char c) => new(c, ConsoleKey.NoName, false, false, false);

    private static ConsoleKeyInfo Special(ConsoleKey key, bool control = false) => new('\0', key, false, false, control);

    private static IEnumerable<ConsoleKeyInfo> Text(string text) => text.Select(Key);

    [Fact]
    public void Keys_edit_in_the_middle_and_words_go_with_ctrl_w()
    {
        var terminal = new ScriptedTerminal([.. Text("show rn"), Special(ConsoleKey.LeftArrow), Key('u'), Special(ConsoleKey.End), .. Text(" x"), Special(ConsoleKey.W, control: true), Special(ConsoleKey.Backspace), Special(ConsoleKey.Enter)]);
        var line = new LineEditor(terminal).ReadLine(Session());
        Assert.Equal("show run", line.Text);
        Assert.False(line.ControlZ);
    }

    [Fact]
    public void History_comes_back_with_up_and_down_keeps_what_was_being_typed()
    {
        var terminal = new ScriptedTerminal([.. Text("first"), Special(ConsoleKey.Enter), .. Text("second"), Special(ConsoleKey.Enter), .. Text("draft"),
            Special(ConsoleKey.UpArrow), Special(ConsoleKey.UpArrow), Special(ConsoleKey.Enter), Special(ConsoleKey.UpArrow), Special(ConsoleKey.DownArrow), Special(ConsoleKey.Enter)]);
        var editor = new LineEditor(terminal);
        var session = Session();
        Assert.Equal("first", editor.ReadLine(session).Text);
        Assert.Equal("second", editor.ReadLine(session).Text);
        Assert.Equal("first", editor.ReadLine(session).Text);
        Assert.Equal(string.Empty, editor.ReadLine(session).Text);
        Assert.Equal(["first", "second", "first"], editor.History);
    }

    [Fact]
    public void Tab_completes_a_unique_keyword_and_lists_the_choices_of_an_ambiguous_one()
    {
        var terminal = new ScriptedTerminal([.. Text("sh"), Special(ConsoleKey.Tab), .. Text("ip nat t"), Special(ConsoleKey.Tab), Special(ConsoleKey.Enter), .. Text("co"), Special(ConsoleKey.Tab), Special(ConsoleKey.Enter)]);
        var editor = new LineEditor(terminal);
        var session = Session();
        Assert.Equal("show ip nat translations ", editor.ReadLine(session).Text);
        Assert.Equal("co", editor.ReadLine(session).Text);
        Assert.Contains("\nconfigure  copy\n", terminal.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void Question_mark_shows_help_and_keeps_the_line_and_ctrl_z_ends_it()
    {
        var terminal = new ScriptedTerminal([.. Text("show ip nat ?"), Special(ConsoleKey.Z, control: true)]);
        var line = new LineEditor(terminal).ReadLine(Session());
        Assert.True(line.ControlZ);
        Assert.Contains("  statistics", terminal.Screen, StringComparison.Ordinal);
        Assert.Contains("  translations", terminal.Screen, StringComparison.Ordinal);
        Assert.Contains("algrun-gw# show ip nat ", terminal.Screen[terminal.Screen.LastIndexOf("translations", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.EndsWith("^Z\n", terminal.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public void The_end_of_the_input_and_ctrl_d_on_an_empty_line_end_the_session()
    {
        Assert.True(new LineEditor(new ScriptedTerminal([])).ReadLine(Session()).EndOfInput);
        Assert.True(new LineEditor(new ScriptedTerminal([Special(ConsoleKey.D, control: true)])).ReadLine(Session()).EndOfInput);
    }

    /// <summary>Keys from a list; what the editor draws, kept.</summary>
    private sealed class ScriptedTerminal(IEnumerable<ConsoleKeyInfo> keys) : ITerminal
    {
        private readonly Queue<ConsoleKeyInfo> _keys = new(keys);
        private readonly System.Text.StringBuilder _screen = new();

        public string Screen => _screen.ToString();

        public ConsoleKeyInfo? ReadKey() => _keys.Count > 0 ? _keys.Dequeue() : null;

        public void Write(string text) => _screen.Append(text);
    }
}
