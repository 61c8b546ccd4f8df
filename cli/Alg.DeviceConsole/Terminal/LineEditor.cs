using Alg.DeviceConsole.Session;

namespace Alg.DeviceConsole.Terminal;

/// <summary>
/// The console's own line editor, over any <see cref="ITerminal"/>: editing keys (arrows, Home/End, Ctrl-A/E/B/F/U/W/K,
/// Backspace, Delete), history (Up/Down, Ctrl-P/N), <c>?</c> help and Tab completion asked of the session, Ctrl-Z
/// (leave configuration mode), Ctrl-C (drop the line), Ctrl-D on an empty line (leave).
/// </summary>
internal sealed class LineEditor(ITerminal terminal)
{
    private readonly List<string> _history = [];

    public IReadOnlyList<string> History => _history;

    public EditedLine ReadLine(ConsoleSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var prompt = session.Prompt;
        var text = new System.Text.StringBuilder();
        var cursor = 0;
        var recalled = _history.Count;
        string? unsaved = null;
        terminal.Write(prompt);
        while (true)
        {
            if (terminal.ReadKey() is not { } key)
            {
                return EditedLine.End;
            }

            var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    terminal.Write("\n");
                    var line = text.ToString();
                    if (line.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != line))
                    {
                        _history.Add(line);
                    }

                    return new EditedLine(line, false, false);
                case ConsoleKey.Backspace:
                    if (cursor > 0)
                    {
                        text.Remove(--cursor, 1);
                    }

                    break;
                case ConsoleKey.Delete:
                    if (cursor < text.Length)
                    {
                        text.Remove(cursor, 1);
                    }

                    break;
                case ConsoleKey.LeftArrow:
                    cursor = Math.Max(0, cursor - 1);
                    break;
                case ConsoleKey.RightArrow:
                    cursor = Math.Min(text.Length, cursor + 1);
                    break;
                case ConsoleKey.Home:
                    cursor = 0;
                    break;
                case ConsoleKey.End:
                    cursor = text.Length;
                    break;
                case ConsoleKey.UpArrow:
                case ConsoleKey.DownArrow:
                    Recall(key.Key == ConsoleKey.UpArrow ? -1 : 1);
                    break;
                case ConsoleKey.Tab:
                    Complete(session);
                    break;
                default:
                    if (control && HandleControl(key.Key, session, out var result))
                    {
                        if (result is not null)
                        {
                            return result;
                        }

                        break;
                    }

                    if (key.KeyChar == '?')
                    {
                        ShowHelp(session);
                        break;
                    }

                    if (key.KeyChar >= ' ' && !control)
                    {
                        text.Insert(cursor++, key.KeyChar);
                    }

                    break;
            }

            Redraw();
        }

        void Redraw()
        {
            terminal.Write("\r" + prompt + text + "\u001b[K");
            if (text.Length > cursor)
            {
                terminal.Write($"\u001b[{text.Length - cursor}D");
            }
        }

        void Recall(int step)
        {
            if (_history.Count == 0)
            {
                return;
            }

            if (recalled == _history.Count)
            {
                unsaved = text.ToString();
            }

            recalled = Math.Clamp(recalled + step, 0, _history.Count);
            text.Clear().Append(recalled == _history.Count ? unsaved ?? string.Empty : _history[recalled]);
            cursor = text.Length;
        }

        void Complete(ConsoleSession owner)
        {
            var before = text.ToString(0, cursor);
            var partialStart = before.Length;
            while (partialStart > 0 && !char.IsWhiteSpace(before[partialStart - 1]))
            {
                partialStart--;
            }

            var partial = before[partialStart..];
            var choices = owner.Completions(before).Where(c => c.StartsWith(partial, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (choices.Count == 0)
            {
                terminal.Write("\a");
                return;
            }

            var common = choices.Aggregate((a, b) => CommonPrefix(a, b));
            var completed = choices.Count == 1 ? choices[0] + " " : common;
            if (completed.Length <= partial.Length && choices.Count > 1)
            {
                // Nothing more to add: show what it could be, as the device does on a second Tab.
                terminal.Write("\n" + string.Join("  ", choices) + "\n" + prompt);
                return;
            }

            text.Remove(partialStart, cursor - partialStart).Insert(partialStart, completed);
            cursor = partialStart + completed.Length;
        }

        void ShowHelp(ConsoleSession owner)
        {
            var entries = owner.Help(text.ToString(0, cursor));
            terminal.Write("?\n");
            if (entries.Count == 0)
            {
                terminal.Write("% Unrecognized command\n");
            }

            var width = entries.Count == 0 ? 0 : entries.Max(e => e.Word.Length) + 2;
            foreach (var (word, help) in entries)
            {
                terminal.Write("  " + word.PadRight(width) + help + "\n");
            }
        }

        bool HandleControl(ConsoleKey pressed, ConsoleSession owner, out EditedLine? result)
        {
            result = null;
            switch (pressed)
            {
                case ConsoleKey.Z:
                    terminal.Write("^Z\n");
                    result = new EditedLine(string.Empty, true, false);
                    return true;
                case ConsoleKey.C:
                    terminal.Write("^C\n");
                    result = new EditedLine(string.Empty, false, false);
                    return true;
                case ConsoleKey.D:
                    if (text.Length == 0)
                    {
                        terminal.Write("\n");
                        result = EditedLine.End;
                        return true;
                    }

                    if (cursor < text.Length)
                    {
                        text.Remove(cursor, 1);
                    }

                    return true;
                case ConsoleKey.A:
                    cursor = 0;
                    return true;
                case ConsoleKey.E:
                    cursor = text.Length;
                    return true;
                case ConsoleKey.B:
                    cursor = Math.Max(0, cursor - 1);
                    return true;
                case ConsoleKey.F:
                    cursor = Math.Min(text.Length, cursor + 1);
                    return true;
                case ConsoleKey.P:
                    Recall(-1);
                    return true;
                case ConsoleKey.N:
                    Recall(1);
                    return true;
                case ConsoleKey.U:
                    text.Remove(0, cursor);
                    cursor = 0;
                    return true;
                case ConsoleKey.K:
                    text.Remove(cursor, text.Length - cursor);
                    return true;
                case ConsoleKey.W:
                    var start = cursor;
                    while (start > 0 && char.IsWhiteSpace(text[start - 1]))
                    {
                        start--;
                    }

                    while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
                    {
                        start--;
                    }

                    text.Remove(start, cursor - start);
                    cursor = start;
                    return true;
                case ConsoleKey.I:
                    Complete(owner);
                    return true;
                default:
                    return false;
            }
        }
    }

    private static string CommonPrefix(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && char.ToLowerInvariant(a[length]) == char.ToLowerInvariant(b[length]))
        {
            length++;
        }

        return a[..length];
    }
}
