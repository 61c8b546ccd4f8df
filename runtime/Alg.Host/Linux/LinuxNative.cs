using System.Runtime.InteropServices;

namespace Alg.Host.Linux;

/// <summary>The libc calls .NET does not offer: waiting on several descriptors without allocating; a file's group.</summary>
internal static partial class LinuxNative
{
    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int chown(string path, uint owner, uint group);

    /// <summary>chown(2) of the group alone (the owner stays); false when refused.</summary>
    public static bool ChangeGroup(string path, uint group) => chown(path, uint.MaxValue, group) == 0;

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
