namespace Alg.Runtime.Reassembly;

/// <summary>How a new fragment relates to the pieces of its datagram already held.</summary>
internal enum PieceCheck
{
    New,
    Duplicate,
    Overlap,
    TooMany,
}
