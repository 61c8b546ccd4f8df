namespace Alg.StdlibAlgs.Tftp;

/// <summary>A parsed RRQ or WRQ: where its parts lie in the datagram, never a copy of them.</summary>
/// <param name="Opcode"><see cref="TftpParser.ReadRequest"/> or <see cref="TftpParser.WriteRequest"/>.</param>
/// <param name="FilenameStart">Offset of the filename's first byte.</param>
/// <param name="FilenameLength">Its length, without the NUL.</param>
/// <param name="OptionsStart">Offset of the first RFC 2347 option after the mode's NUL (the datagram's length when none).</param>
public readonly record struct TftpRequest(ushort Opcode, int FilenameStart, int FilenameLength, TftpMode Mode, int OptionsStart)
{
    public bool IsRead => Opcode == TftpParser.ReadRequest;
}
