using Alg.Runtime.Packets;

namespace Alg.Runtime.Tests.Support;

public static class Decoded
{
    public static PacketInfo Ethernet(byte[] frame)
    {
        PacketDecoder.Decode(frame, LinkType.Ethernet, out var info);
        return info;
    }
}
