namespace Alg.StdlibAlgs.SqlNet;

/// <summary>What the SQL*Net ALG remembers about one TNS connection.</summary>
internal sealed class SqlNetSession
{
    /// <summary>Per direction (0 client, 1 server): bytes of a packet still to pass unread (a DATA packet longer than
    /// the segment, read by its length without being buffered).</summary>
    public int[] SkipRemaining { get; } = new int[2];

    /// <summary>An ACCEPT was seen: the connect phase, where REDIRECTs come, is over.</summary>
    public bool Accepted { get; set; }

    /// <summary>An ACCEPT of protocol version 315 or later was seen: every later packet, both ways, has a 4-byte length
    /// (algs.md §8.1; python-oracledb and Wireshark switch at the same point).</summary>
    public bool LargeLengths { get; set; }

    /// <summary>A REDIRECT carried none of its text: the text comes in the server's next DATA packet (algs.md §8.1: a
    /// zero-length REDIRECT, or a redirect-data length whose text follows, as python-oracledb reads it).</summary>
    public bool AwaitingRedirectText { get; set; }

    /// <summary>With <see cref="AwaitingRedirectText"/>: the REDIRECT's declared text length (0: the whole DATA).</summary>
    public int DeclaredRedirectLength { get; set; }
}
