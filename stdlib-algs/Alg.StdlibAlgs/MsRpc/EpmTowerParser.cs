using System.Buffers.Binary;
using Alg.Runtime.Packets;

namespace Alg.StdlibAlgs.MsRpc;

/// <summary>
/// Reads a protocol tower's floors (C706 Appendix L; [MS-RPCE] 2.2.1.2). The tower has its own byte orders, whatever
/// the PDU's data representation: floor count and the left- and right-hand side lengths little-endian, the interface
/// UUID's fields little-endian, the TCP/UDP port and the IPv4 address big-endian (the classic mixed-order bug).
/// </summary>
public static class EpmTowerParser
{
    /// <summary>Floors read (an ncacn_ip_tcp tower has 5).</summary>
    public const int MaxFloors = 8;

    private const byte UuidFloor = 0x0D;
    private const byte TcpFloor = 0x07;
    private const byte UdpFloor = 0x08;
    private const byte IpFloor = 0x09;

    public static bool TryParse(ReadOnlySpan<byte> tower, out EpmTower result)
    {
        result = default;
        if (tower.Length < 2)
        {
            return false;
        }

        var floors = BinaryPrimitives.ReadUInt16LittleEndian(tower);
        if (floors is 0 or > MaxFloors)
        {
            return false;
        }

        var position = 2;
        Guid uuid = default;
        byte protocol = 0;
        ushort port = 0;
        var portOffset = -1;
        uint address = 0;
        var addressOffset = -1;
        for (var floor = 0; floor < floors; floor++)
        {
            if (tower.Length - position < 2)
            {
                return false;
            }

            var lhsLength = BinaryPrimitives.ReadUInt16LittleEndian(tower[position..]);
            position += 2;
            if (lhsLength == 0 || tower.Length - position < lhsLength + 2)
            {
                return false;
            }

            var lhs = tower.Slice(position, lhsLength);
            position += lhsLength;
            var rhsLength = BinaryPrimitives.ReadUInt16LittleEndian(tower[position..]);
            position += 2;
            if (tower.Length - position < rhsLength)
            {
                return false;
            }

            var rhsOffset = position;
            var rhs = tower.Slice(position, rhsLength);
            position += rhsLength;
            switch (lhs[0])
            {
                case UuidFloor when floor == 0 && lhsLength >= 19:
                    uuid = new Guid(lhs.Slice(1, 16));
                    break;
                case TcpFloor or UdpFloor when rhsLength == 2:
                    protocol = lhs[0] == TcpFloor ? IpProtocol.Tcp : IpProtocol.Udp;
                    port = BinaryPrimitives.ReadUInt16BigEndian(rhs);
                    portOffset = rhsOffset;
                    break;
                case IpFloor when rhsLength == 4:
                    address = BinaryPrimitives.ReadUInt32BigEndian(rhs);
                    addressOffset = rhsOffset;
                    break;
                default:
                    break;
            }
        }

        result = new EpmTower(uuid, protocol, port, portOffset, address, addressOffset);
        return true;
    }
}
