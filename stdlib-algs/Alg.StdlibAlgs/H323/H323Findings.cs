namespace Alg.StdlibAlgs.H323;

/// <summary>
/// What a walk over one H.225.0, H.245 or RAS message found: the IPv4 addresses with their offsets, and the few
/// facts the ALGs act on (message kind, Facility reason, granted time-to-live, H.460 traversal features, H.245
/// session end, tunnelled H.245).
/// </summary>
/// <remarks>One instance per handler (a stage's handlers run on one thread), <see cref="Reset"/> before each
/// message: a walk allocates nothing.</remarks>
public sealed class H323Findings
{
    /// <summary>Addresses read from one message at most (a Setup with a few fastStart proposals has about ten).</summary>
    public const int DefaultCapacity = 48;

    private readonly H323AddressField[] _fields;

    public H323Findings(int capacity = DefaultCapacity)
    {
        _fields = new H323AddressField[capacity];
        Reset();
    }

    /// <summary>Forgets the previous message's findings.</summary>
    public void Reset()
    {
        Count = 0;
        Message = -1;
        FacilityReason = -1;
        TimeToLive = -1;
        H460 = false;
        EndSession = false;
        Tunnelled = false;
        KeepAlive = false;
    }

    /// <summary>How many fields were found.</summary>
    public int Count { get; private set; }

    /// <summary>H.225.0: the h323-message-body alternative (<see cref="H225Body"/>); RAS: the RasMessage alternative
    /// (<see cref="RasBody"/>); -1 before a walk.</summary>
    public int Message { get; set; }

    /// <summary>H.225.0 Facility: the FacilityReason alternative (root 0–3, extension alternatives from 4); -1 otherwise.</summary>
    public int FacilityReason { get; set; }

    /// <summary>RAS RRQ/RCF <c>timeToLive</c> in seconds; -1 when absent.</summary>
    public long TimeToLive { get; set; }

    /// <summary>An H.460.17/18/19/23/24 feature or generic data was seen (algs.md §4.6): the message must pass untouched.</summary>
    public bool H460 { get; set; }

    /// <summary>An H.245 endSessionCommand was seen.</summary>
    public bool EndSession { get; set; }

    /// <summary>The H.225.0 message carries tunnelled H.245 (h245Control or parallelH245Control elements).</summary>
    public bool Tunnelled { get; set; }

    /// <summary>RAS RRQ <c>keepAlive</c> TRUE: a lightweight re-registration.</summary>
    public bool KeepAlive { get; set; }

    public H323AddressField this[int index] => _fields[index];

    /// <summary>Adds a field; false when the buffer is full (the walk then refuses the message as a whole).</summary>
    public bool TryAdd(in H323AddressField field)
    {
        if (Count == _fields.Length)
        {
            return false;
        }

        _fields[Count++] = field;
        return true;
    }
}
