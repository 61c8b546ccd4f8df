namespace Alg.StdlibAlgs.SqlNet;

/// <summary>TNS packet types (byte 4 of the header; algs.md §8.1, as Wireshark's TNS dissector names them). Any other
/// value at a packet boundary means the stream is not TNS, or was framed wrongly.</summary>
public enum TnsPacketType : byte
{
    Connect = 1,
    Accept = 2,
    Ack = 3,
    Refuse = 4,

    /// <summary>The listener sends the client elsewhere: redirect-data length (uint16) and the address text.</summary>
    Redirect = 5,
    Data = 6,
    Null = 7,
    Abort = 9,

    /// <summary>The listener asks for the CONNECT again; carries no address.</summary>
    Resend = 11,
    Marker = 12,
    Attention = 13,
    Control = 14,
}
