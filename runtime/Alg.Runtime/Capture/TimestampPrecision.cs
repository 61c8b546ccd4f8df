namespace Alg.Runtime.Capture;

/// <summary>The resolution a capture stores timestamps in; writers keep the reader's one.</summary>
public enum TimestampPrecision
{
    Microseconds,
    Nanoseconds,
}
