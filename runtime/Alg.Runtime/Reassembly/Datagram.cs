namespace Alg.Runtime.Reassembly;

/// <summary>One datagram being reassembled: its buffers are allocated once and reused.</summary>
/// <remarks>Pieces are kept as [start, end) byte ranges; they never overlap (overlaps are refused).</remarks>
internal sealed class Datagram
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    public Datagram(int maxPieces)
    {
        _starts = new int[maxPieces];
        _ends = new int[maxPieces];
    }

    public byte[] Header { get; } = new byte[60];

    public byte[] Payload { get; } = new byte[65535];

    public bool InUse { get; set; }

    public uint Source { get; private set; }

    public uint Destination { get; private set; }

    public ushort Identification { get; private set; }

    public byte Protocol { get; private set; }

    public long ExpiresAt { get; private set; }

    public int HeaderLength { get; set; }

    /// <summary>Payload length once the last fragment (MF clear) is seen, else -1.</summary>
    public int TotalPayload { get; set; }

    public int ReceivedBytes { get; private set; }

    public int PieceCount { get; private set; }

    public void Start(uint source, uint destination, ushort identification, byte protocol, long expiresAt)
    {
        InUse = true;
        Source = source;
        Destination = destination;
        Identification = identification;
        Protocol = protocol;
        ExpiresAt = expiresAt;
        HeaderLength = 0;
        TotalPayload = -1;
        ReceivedBytes = 0;
        PieceCount = 0;
    }

    public PieceCheck CheckPiece(int start, int end)
    {
        for (var i = 0; i < PieceCount; i++)
        {
            if (_starts[i] == start && _ends[i] == end)
            {
                return PieceCheck.Duplicate;
            }

            if (start < _ends[i] && _starts[i] < end)
            {
                return PieceCheck.Overlap;
            }
        }

        return PieceCount == _starts.Length ? PieceCheck.TooMany : PieceCheck.New;
    }

    public void AddPiece(int start, int end)
    {
        _starts[PieceCount] = start;
        _ends[PieceCount] = end;
        PieceCount++;
        ReceivedBytes += end - start;
    }
}
