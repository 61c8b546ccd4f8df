namespace Alg.Runtime.Capture;

/// <summary>A capture file that cannot be read further; the message names the file and the record.</summary>
public sealed class CaptureFormatException : Exception
{
    public CaptureFormatException()
    {
    }

    public CaptureFormatException(string message)
        : base(message)
    {
    }

    public CaptureFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CaptureFormatException(string source, long recordNumber, string problem)
        : base(recordNumber > 0 ? $"{source}: record {recordNumber}: {problem}" : $"{source}: {problem}")
    {
        RecordNumber = recordNumber;
    }

    /// <summary>The 1-based record being read when the problem was found, or 0 for the file header.</summary>
    public long RecordNumber { get; }
}
