using System.Runtime.InteropServices;

namespace Alg.Host.Linux;

/// <summary>The one libc call .NET sockets do not offer: waiting on several descriptors without allocating.</summary>
internal static partial class LinuxNative
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int poll(Span<PollDescriptor> descriptors, nuint count, int timeoutMilliseconds);

    /// <summary>poll(2); an interrupted wait (EINTR, e.g. a signal) counts as nothing ready.</summary>
    public static int Poll(Span<PollDescriptor> descriptors, int timeoutMilliseconds)
    {
        var ready = poll(descriptors, (nuint)descriptors.Length, timeoutMilliseconds);
        const int Interrupted = 4;
        return ready < 0 && Marshal.GetLastPInvokeError() == Interrupted ? 0 : ready;
    }
}
