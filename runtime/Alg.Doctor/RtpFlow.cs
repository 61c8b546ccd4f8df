namespace Alg.Doctor;

/// <summary>The RTP packets of one UDP 5-tuple in one capture (RFC 3550 §5.1 header heuristics).</summary>
public sealed class RtpFlow
{
    public RtpFlow(string capture, MediaEndpoint source, MediaEndpoint destination)
    {
        Capture = capture;
        Source = source;
        Destination = destination;
    }

    public string Capture { get; }

    public MediaEndpoint Source { get; }

    public MediaEndpoint Destination { get; }

    public long Packets { get; private set; }

    public long FirstNanoseconds { get; private set; }

    public long LastNanoseconds { get; private set; }

    public void Add(long timeNanoseconds)
    {
        if (Packets == 0)
        {
            FirstNanoseconds = timeNanoseconds;
        }

        Packets++;
        LastNanoseconds = timeNanoseconds;
    }
}
