using System.Runtime.InteropServices;

namespace Alg.Host.Linux;

/// <summary><c>struct pollfd</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PollDescriptor
{
    public const short ReadyToRead = 0x0001;

    public int FileDescriptor;
    public short Events;
    public short ReturnedEvents;
}
