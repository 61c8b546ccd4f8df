using System.Text;
using Alg.Grammar.Common;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;

namespace Alg.Grammar.Junos;

/// <summary>
/// Reads Junos in its usual curly-brace form (<c>show configuration</c>) as the <c>set</c> lines
/// <c>show configuration | display set</c> prints for it, so both forms go through one grammar and bind to one
/// policy. Every word of every <c>set</c> line is mapped back to where it stands in the user's file.
/// </summary>
/// <remarks>
/// As <c>display set</c> does: a leaf <c>a { b { c d; } }</c> is <c>set a b c d</c>; a list <c>c [ d e ];</c> is one
/// line per member; <c>inactive:</c> adds <c>deactivate</c> for the statement after its <c>set</c> lines; the load
/// annotations <c>replace:</c>, <c>protect:</c> and <c>unprotect:</c>, <c>/* */</c> and <c>#</c> comments carry no
/// configuration. A line at the top level that opens no block and ends no statement is the command the file was
/// saved with (<c>show configuration</c>) when it starts with <c>show</c>, and otherwise is passed on as it stands, so
/// the parser reports it. Braces that do not balance are reported once.
/// </remarks>
public static class JunosHierarchyReader
{
    private static readonly string[] LoadAnnotations = ["replace:", "protect:", "unprotect:"];

    /// <summary>True when the text's first statement ends with <c>{</c> or <c>;</c> rather than being a <c>set</c> line.</summary>
    public static bool IsHierarchical(string text)
    {
        var start = 0;
        var scanned = 0;
        while (start < text.Length && scanned++ < 200)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var line = text.AsSpan(start, end - start).Trim();
            start = end + 1;
            if (line.IsEmpty || line[0] == '#' || line.StartsWith("/*") || line.StartsWith("*") || line.StartsWith("show ", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("set ", StringComparison.Ordinal) || line.StartsWith("delete ", StringComparison.Ordinal)
                || line.StartsWith("deactivate ", StringComparison.Ordinal) || line.StartsWith("activate ", StringComparison.Ordinal))
            {
                return false;
            }

            var withoutComment = StripTrailingComment(line);
            if (withoutComment.EndsWith('{') || withoutComment.EndsWith(';'))
            {
                return true;
            }
        }

        return false;
    }

    public static (string Text, SourceMap Map) Flatten(string text, DiagnosticBag diagnostics, string path)
    {
        var reader = new Flattener(text, diagnostics, path);
        reader.Run();
        return (reader.Output.ToString(), reader.Map);
    }

    private static ReadOnlySpan<char> StripTrailingComment(ReadOnlySpan<char> line)
    {
        var hash = line.IndexOf(" #", StringComparison.Ordinal);
        return (hash < 0 ? line : line[..hash]).TrimEnd();
    }

    private readonly record struct Word(string Text, int Line, int Column);

    private sealed class Block(List<Word> words, bool inactive)
    {
        public List<Word> Words { get; } = words;

        public bool Inactive { get; } = inactive;

        // `display set` prints an empty block as a line of its own (`set interfaces ge-0/0/0 unit 0 family inet`).
        public bool HasChildren { get; set; }
    }

    private sealed class Flattener(string text, DiagnosticBag diagnostics, string path)
    {
        private readonly List<Block> _path = [];
        private readonly List<Word> _statement = [];
        private readonly List<Word> _list = [];
        private int _position;
        private int _line = 1;
        private int _lineStart;
        private bool _inList;
        private bool _inactive;
        private bool _unbalancedReported;

        public StringBuilder Output { get; } = new(text.Length * 2);

        public SourceMap Map { get; } = new();

        public void Run()
        {
            while (_position < text.Length)
            {
                var c = text[_position];
                switch (c)
                {
                    case '\n':
                        EndOfLine();
                        _position++;
                        _line++;
                        _lineStart = _position;
                        break;
                    case ' ' or '\t' or '\r' or '\f':
                        _position++;
                        break;
                    case '#':
                        SkipToEndOfLine();
                        break;
                    case '/' when Peek(1) == '*':
                        SkipBlockComment();
                        break;
                    case '{':
                        Open();
                        _position++;
                        break;
                    case '}':
                        Close();
                        _position++;
                        break;
                    case ';':
                        EmitLeaf();
                        _position++;
                        break;
                    case '[':
                        _inList = true;
                        _position++;
                        break;
                    case ']':
                        _inList = false;
                        _position++;
                        break;
                    default:
                        ReadWord();
                        break;
                }
            }

            EndOfLine();
            if (_path.Count > 0)
            {
                ReportUnbalanced(_line, $"{_path.Count} block(s) opened and never closed");
            }
        }

        private char Peek(int offset) => _position + offset < text.Length ? text[_position + offset] : '\0';

        private void SkipToEndOfLine()
        {
            while (_position < text.Length && text[_position] != '\n')
            {
                _position++;
            }
        }

        private void SkipBlockComment()
        {
            _position += 2;
            while (_position < text.Length && !(text[_position] == '*' && Peek(1) == '/'))
            {
                if (text[_position] == '\n')
                {
                    _line++;
                    _lineStart = _position + 1;
                }

                _position++;
            }

            _position = Math.Min(text.Length, _position + 2);
        }

        private void ReadWord()
        {
            var start = _position;
            var column = _position - _lineStart;
            if (text[_position] == '"')
            {
                _position++;
                while (_position < text.Length && text[_position] != '"' && text[_position] != '\n')
                {
                    _position += text[_position] == '\\' && Peek(1) != '\n' ? 2 : 1;
                }

                _position = Math.Min(text.Length, _position + (Peek(0) == '"' ? 1 : 0));
            }
            else
            {
                while (_position < text.Length && !IsDelimiter(text[_position]))
                {
                    _position++;
                }
            }

            var word = new Word(text[start.._position], _line, column);
            if (_statement.Count == 0 && !_inList)
            {
                if (word.Text == "inactive:")
                {
                    _inactive = true;
                    return;
                }

                if (LoadAnnotations.Contains(word.Text, StringComparer.Ordinal))
                {
                    return;
                }
            }

            (_inList ? _list : _statement).Add(word);
        }

        private static bool IsDelimiter(char c) => c is ' ' or '\t' or '\r' or '\n' or '\f' or '{' or '}' or ';' or '[' or ']' or '"';

        private void Open()
        {
            _path.Add(new Block([.. _statement], _inactive));
            _statement.Clear();
            _inactive = false;
        }

        private void Close()
        {
            if (_statement.Count > 0 || _list.Count > 0)
            {
                EmitLeaf();
            }

            if (_path.Count == 0)
            {
                ReportUnbalanced(_line, "'}' closes no block");
                return;
            }

            var closed = _path[^1];
            _path.RemoveAt(_path.Count - 1);
            if (!closed.HasChildren && closed.Words.Count > 0)
            {
                EmitLine("set", closed.Words, null);
            }

            if (closed.Inactive && closed.Words.Count > 0)
            {
                EmitLine("deactivate", closed.Words, null);
            }
        }

        private void EmitLeaf()
        {
            if (_list.Count > 0)
            {
                foreach (var member in _list)
                {
                    EmitLine("set", _statement, member);
                }
            }
            else if (_statement.Count > 0 || _path.Count > 0)
            {
                EmitLine("set", _statement, null);
            }

            if (_inactive && _statement.Count > 0)
            {
                EmitLine("deactivate", _statement, null);
            }

            _statement.Clear();
            _list.Clear();
            _inList = false;
            _inactive = false;
        }

        // A statement never spans lines in what Junos prints; words left over at the top level are either the
        // command the file was saved with or text the parser should see and report.
        private void EndOfLine()
        {
            if (_path.Count > 0 || _inList || _statement.Count == 0)
            {
                return;
            }

            if (_statement[0].Text != "show")
            {
                var anchors = new List<SourceMapAnchor>();
                var line = new StringBuilder();
                foreach (var word in _statement)
                {
                    if (line.Length > 0)
                    {
                        line.Append(' ');
                    }

                    anchors.Add(new SourceMapAnchor(line.Length, word.Line, word.Column, word.Text.Length));
                    line.Append(word.Text);
                }

                Output.Append(line).Append('\n');
                Map.AddLine([.. anchors]);
            }

            _statement.Clear();
            _inactive = false;
        }

        private void EmitLine(string verb, List<Word> leaf, Word? member)
        {
            var anchorWord = leaf.Count > 0 ? leaf[0] : member ?? LastPathWord();
            var anchors = new List<SourceMapAnchor> { new(0, anchorWord.Line, anchorWord.Column, 0) };
            var line = new StringBuilder(verb);
            foreach (var block in _path)
            {
                block.HasChildren = true;
                foreach (var word in block.Words)
                {
                    Append(line, anchors, word);
                }
            }

            foreach (var word in leaf)
            {
                Append(line, anchors, word);
            }

            if (member is { } item)
            {
                Append(line, anchors, item);
            }

            Output.Append(line).Append('\n');
            Map.AddLine([.. anchors]);
        }

        private Word LastPathWord()
        {
            for (var i = _path.Count - 1; i >= 0; i--)
            {
                if (_path[i].Words.Count > 0)
                {
                    return _path[i].Words[0];
                }
            }

            return new Word(string.Empty, _line, 0);
        }

        private static void Append(StringBuilder line, List<SourceMapAnchor> anchors, Word word)
        {
            line.Append(' ');
            anchors.Add(new SourceMapAnchor(line.Length, word.Line, word.Column, word.Text.Length));
            line.Append(word.Text);
        }

        private void ReportUnbalanced(int line, string what)
        {
            if (_unbalancedReported)
            {
                return;
            }

            _unbalancedReported = true;
            diagnostics.Add(DiagnosticCatalog.UnbalancedBraces, new SourceSpan(path, line, 1, line, 2), what);
        }
    }
}
