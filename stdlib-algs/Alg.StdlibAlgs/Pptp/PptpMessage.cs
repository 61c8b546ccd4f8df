namespace Alg.StdlibAlgs.Pptp;

/// <summary>One control message's header as read from the stream: its length and type; the fields are read in place.</summary>
/// <param name="Length">The whole message, header included (RFC 2637 §2: "Length").</param>
/// <param name="Type">The Control Message Type; <see cref="PptpMessageType.None"/> while the header is incomplete.</param>
public readonly record struct PptpMessage(int Length, PptpMessageType Type)
{
    /// <summary>Length (2), PPTP Message Type (2), Magic Cookie (4), Control Message Type (2), Reserved0 (2).</summary>
    public const int HeaderLength = 12;

    /// <summary>Offset of the first field after the header: the Call ID or Peer's Call ID of the call messages.</summary>
    public const int FirstField = 12;

    /// <summary>Offset of the second field: OCRP's and ICRP's Peer's Call ID, SCCRP's and StopCCRP's Result Code
    /// (1 byte), CDN's Result Code (1 byte).</summary>
    public const int SecondField = 14;

    /// <summary>Offset of OCRP's and ICRP's Result Code (1 byte).</summary>
    public const int CallResultCode = 16;
}
