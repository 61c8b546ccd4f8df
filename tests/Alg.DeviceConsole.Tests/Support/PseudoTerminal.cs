using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Alg.DeviceConsole.Tests.Support;

/// <summary>
/// <c>alg console</c> on a pseudo-terminal opened by the test (posix_openpt): the child gets the terminal as its
/// standard input, output and controlling terminal (util-linux setsid -c), so it runs interactively, raw mode and all,
/// while the test types keys into the master side and reads the screen from it. No root, no namespaces.
/// </summary>
internal sealed partial class PseudoTerminal : IDisposable
{
    private const int ReadWrite = 2;
    private const int NoControllingTerminal = 0x100;
    private readonly FileStream _master;
    private readonly StringBuilder _screen = new();
    private readonly Lock _gate = new();
    private readonly Thread _reader;
    private readonly Process _child;

    public PseudoTerminal(params string[] algArguments)
    {
        var fd = posix_openpt(ReadWrite | NoControllingTerminal);
        if (fd < 0 || grantpt(fd) != 0 || unlockpt(fd) != 0)
        {
            throw new IOException($"cannot open a pseudo-terminal (errno {Marshal.GetLastPInvokeError()})");
        }

        var name = new byte[128];
        if (ptsname_r(fd, name, (nuint)name.Length) != 0)
        {
            throw new IOException("ptsname_r failed");
        }

        var slave = Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
        _master = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.ReadWrite, 1);
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec setsid -c -w \"$@\" <\"$ALG_PTY\" >\"$ALG_PTY\" 2>&1");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        start.ArgumentList.Add(TestPaths.AlgDll);
        foreach (var argument in algArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ALG_PTY"] = slave;
        start.Environment["TERM"] = "xterm";
        _child = Process.Start(start) ?? throw new IOException("cannot start alg console");
        _reader = new Thread(Read) { IsBackground = true, Name = "pty reader" };
        _reader.Start();
    }

    public string Screen
    {
        get
        {
            lock (_gate)
            {
                return _screen.ToString();
            }
        }
    }

    /// <summary>Types keys (escape sequences included) as a user would.</summary>
    public void Type(string keys)
    {
        var bytes = Encoding.UTF8.GetBytes(keys);
        _master.Write(bytes);
        _master.Flush();
    }

    /// <summary>Waits until the screen, after <paramref name="from"/> characters, shows <paramref name="text"/>; returns the screen.</summary>
    public string WaitFor(string text, int from = 0, int seconds = 30)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var screen = Screen;
            if (screen.Length > from && screen.IndexOf(text, from, StringComparison.Ordinal) >= 0)
            {
                return screen;
            }

            if (_child.HasExited && screen.IndexOf(text, Math.Min(from, screen.Length), StringComparison.Ordinal) < 0)
            {
                Thread.Sleep(200);
                if (Screen.IndexOf(text, Math.Min(from, Screen.Length), StringComparison.Ordinal) >= 0)
                {
                    return Screen;
                }

                throw new Xunit.Sdk.XunitException($"alg console exited ({_child.ExitCode}) before showing '{text}'; screen:\n{Printable(screen)}");
            }

            Thread.Sleep(20);
        }

        throw new Xunit.Sdk.XunitException($"'{text}' did not appear in {seconds} s; screen:\n{Printable(Screen)}");
    }

    public bool WaitForExit(int seconds = 20) => _child.WaitForExit(TimeSpan.FromSeconds(seconds));

    public int ExitCode => _child.ExitCode;

    /// <summary>The screen with control characters shown, for failure messages.</summary>
    public static string Printable(string screen) =>
        screen.Replace("\u001b[K", string.Empty, StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\u001b", "\\e", StringComparison.Ordinal).Replace("\a", "\\a", StringComparison.Ordinal);

    public void Dispose()
    {
        if (!_child.HasExited)
        {
            _child.Kill(entireProcessTree: true);
            _child.WaitForExit(5000);
        }

        _child.Dispose();
        _master.Dispose();
    }

    private void Read()
    {
        var buffer = new byte[4096];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[4096];
        try
        {
            int count;
            while ((count = _master.Read(buffer, 0, buffer.Length)) > 0)
            {
                var decoded = decoder.GetChars(buffer, 0, count, chars, 0);
                lock (_gate)
                {
                    _screen.Append(chars, 0, decoded);
                }
            }
        }
        catch (IOException)
        {
            // EIO once the child's side is closed: the session is over.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int posix_openpt(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int grantpt(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int unlockpt(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ptsname_r(int fd, [Out] byte[] buffer, nuint length);
}
