using System.Runtime.InteropServices;
using System.Text;

namespace Alg.DeviceConsole.Terminal;

/// <summary>
/// The process's terminal in raw mode for as long as the console runs: no echo, no line buffering, no signals from
/// Ctrl-C or Ctrl-Z (they are keys, as on a device's console), output post-processing kept. The keys are decoded here
/// (arrows and Home/End/Delete in their xterm and vt100 forms), so nothing depends on terminfo, and the terminal is
/// never switched back between two keys, which would let keys typed during a slow command echo on their own.
/// </summary>
internal sealed partial class RawTerminal : ITerminal, IDisposable
{
    private const int StandardInput = 0;
    private const int TermiosSize = 64;
    private const int InputFlagsOffset = 0;
    private const int LocalFlagsOffset = 12;
    private const int ControlCharsOffset = 17;
    private const uint Isig = 0x1;
    private const uint Icanon = 0x2;
    private const uint Echo = 0x8;
    private const uint Iexten = 0x8000;
    private const uint Icrnl = 0x100;
    private const uint Ixon = 0x400;
    private const int Vtime = 5;
    private const int Vmin = 6;

    private readonly byte[] _saved = new byte[TermiosSize];
    private readonly bool _restore;
    // Plain read(2) and write(2) on the descriptors: System.Console's streams set the terminal up their own way per read.
    private readonly FileStream _input = new(new Microsoft.Win32.SafeHandles.SafeFileHandle(0, ownsHandle: false), FileAccess.Read, 1);
    private readonly FileStream _output = new(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1);
    private readonly Queue<byte> _pending = new();
    private readonly byte[] _buffer = new byte[256];
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private readonly List<PosixSignalRegistration> _signals = [];

    public RawTerminal()
    {
        if (tcgetattr(StandardInput, _saved) != 0)
        {
            return;
        }

        var raw = (byte[])_saved.Clone();
        var local = BitConverter.ToUInt32(raw, LocalFlagsOffset) & ~(Echo | Icanon | Isig | Iexten);
        var input = BitConverter.ToUInt32(raw, InputFlagsOffset) & ~(Ixon | Icrnl);
        BitConverter.TryWriteBytes(raw.AsSpan(LocalFlagsOffset), local);
        BitConverter.TryWriteBytes(raw.AsSpan(InputFlagsOffset), input);
        raw[ControlCharsOffset + Vmin] = 1;
        raw[ControlCharsOffset + Vtime] = 0;
        _restore = tcsetattr(StandardInput, 0, raw) == 0;

        // Killed or hung up, the console must not leave the user's terminal raw.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Restore();
        foreach (var signal in (PosixSignal[])[PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT])
        {
            _signals.Add(PosixSignalRegistration.Create(signal, _ => Restore()));
        }
    }

    public ConsoleKeyInfo? ReadKey()
    {
        if (!Fill())
        {
            return null;
        }

        var first = _pending.Dequeue();
        switch (first)
        {
            case 0x0D:
            case 0x0A:
                return Key('\r', ConsoleKey.Enter);
            case 0x7F:
            case 0x08:
                return Key('\b', ConsoleKey.Backspace);
            case 0x09:
                return Key('\t', ConsoleKey.Tab);
            case 0x1B:
                return Escape();
            case < 0x20:
                return new ConsoleKeyInfo((char)first, ConsoleKey.A + (first - 1), shift: false, alt: false, control: true);
            case < 0x80:
                return Key((char)first, KeyOf((char)first));
            default:
                // A UTF-8 sequence: its bytes come in the same read.
                var bytes = new List<byte> { first };
                while (_pending.Count > 0 && (_pending.Peek() & 0xC0) == 0x80)
                {
                    bytes.Add(_pending.Dequeue());
                }

                var chars = new char[2];
                var count = _utf8.GetChars([.. bytes], 0, bytes.Count, chars, 0, flush: true);
                return count > 0 ? Key(chars[0], ConsoleKey.NoName) : ReadKey();
        }
    }

    public void Write(string text)
    {
        _output.Write(Encoding.UTF8.GetBytes(text));
        _output.Flush();
    }

    public void Dispose()
    {
        Restore();
        _signals.ForEach(s => s.Dispose());
    }

    private void Restore()
    {
        if (_restore)
        {
            _ = tcsetattr(StandardInput, 0, _saved);
        }
    }

    private static ConsoleKeyInfo Key(char c, ConsoleKey key) => new(c, key, shift: false, alt: false, control: false);

    private static ConsoleKey KeyOf(char c) =>
        char.IsAsciiLetter(c) ? ConsoleKey.A + (char.ToUpperInvariant(c) - 'A') : char.IsAsciiDigit(c) ? ConsoleKey.D0 + (c - '0') : c == ' ' ? ConsoleKey.Spacebar : ConsoleKey.NoName;

    private bool Fill()
    {
        if (_pending.Count > 0)
        {
            return true;
        }

        var read = _input.Read(_buffer, 0, _buffer.Length);
        for (var i = 0; i < read; i++)
        {
            _pending.Enqueue(_buffer[i]);
        }

        return read > 0;
    }

    // ESC [ A … ESC [ 3 ~, or ESC O A (application mode); an escape sequence arrives in one read, a lone ESC is the key.
    private ConsoleKeyInfo Escape()
    {
        if (_pending.Count == 0 || (_pending.Peek() != '[' && _pending.Peek() != 'O'))
        {
            return Key('\u001b', ConsoleKey.Escape);
        }

        _pending.Dequeue();
        var parameter = new StringBuilder();
        while (_pending.Count > 0 && char.IsAsciiDigit((char)_pending.Peek()))
        {
            parameter.Append((char)_pending.Dequeue());
        }

        var final = _pending.Count > 0 ? (char)_pending.Dequeue() : '\0';
        return (final, parameter.ToString()) switch
        {
            ('A', _) => Key('\0', ConsoleKey.UpArrow),
            ('B', _) => Key('\0', ConsoleKey.DownArrow),
            ('C', _) => Key('\0', ConsoleKey.RightArrow),
            ('D', _) => Key('\0', ConsoleKey.LeftArrow),
            ('H', _) or ('~', "1") or ('~', "7") => Key('\0', ConsoleKey.Home),
            ('F', _) or ('~', "4") or ('~', "8") => Key('\0', ConsoleKey.End),
            ('~', "3") => Key('\0', ConsoleKey.Delete),
            _ => Key('\0', ConsoleKey.NoName),
        };
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcgetattr(int fd, [Out] byte[] termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcsetattr(int fd, int optionalActions, byte[] termios);
}
