using System.Net.Sockets;
using Alg.Host.Linux;

namespace Alg.E2E.Tests.Host;

public sealed class LinkLayerEndPointTests
{
    [Fact]
    public void SerialisesSockaddrLlWithTheProtocolInNetworkOrderAndTheIndexInHostOrder()
    {
        var address = new LinkLayerEndPoint(interfaceIndex: 0x0304, etherType: 0x0003).Serialize();

        Assert.Equal(AddressFamily.Packet, address.Family);
        Assert.Equal(20, address.Size);
        Assert.Equal(new byte[] { 0x00, 0x03, 0x04, 0x03, 0x00, 0x00 }, Enumerable.Range(2, 6).Select(i => address[i]).ToArray());
        var back = (LinkLayerEndPoint)new LinkLayerEndPoint(0, 0).Create(address);
        Assert.Equal(0x0304, back.InterfaceIndex);
        Assert.Equal(0x0003, back.EtherType);
    }
}
