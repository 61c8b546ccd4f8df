namespace Alg.StdlibAlgs.H323;

/// <summary>One Q.931 message of H.225.0 call signalling, as offsets into the bytes it was read from.</summary>
/// <param name="MessageType">The Q.931 message type octet (Setup 0x05, Connect 0x07, Release Complete 0x5A, Facility 0x62 …).</param>
/// <param name="CallReference">The call reference value without its flag bit (H.225.0 §7.2: 2 octets).</param>
/// <param name="UserInformationStart">Where the aligned-PER H323-UserInformation starts (after the User-user IE's
/// protocol discriminator 0x05); -1 when the message has no User-user IE.</param>
/// <param name="UserInformationLength">Its length in bytes.</param>
public readonly record struct Q931Message(byte MessageType, ushort CallReference, int UserInformationStart, int UserInformationLength)
{
    public const byte ReleaseComplete = 0x5A;
}
