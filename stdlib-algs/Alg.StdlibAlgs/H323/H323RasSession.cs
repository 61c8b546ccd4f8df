namespace Alg.StdlibAlgs.H323;

/// <summary>What the RAS ALG remembers about one endpoint–gatekeeper RAS flow: the registered call signalling
/// addresses (an RRQ names one or a few).</summary>
internal sealed class H323RasSession
{
    public const int Capacity = 4;

    private readonly H323Registration[] _registrations = new H323Registration[Capacity];

    public int Count { get; private set; }

    public H323Registration this[int index] => _registrations[index];

    public bool TryFind(ushort insidePort, out H323Registration registration)
    {
        for (var i = 0; i < Count; i++)
        {
            if (_registrations[i].InsidePort == insidePort)
            {
                registration = _registrations[i];
                return true;
            }
        }

        registration = default;
        return false;
    }

    /// <summary>Adds or replaces the registration of <see cref="H323Registration.InsidePort"/>; false when full.</summary>
    public bool TryPut(in H323Registration registration)
    {
        for (var i = 0; i < Count; i++)
        {
            if (_registrations[i].InsidePort == registration.InsidePort)
            {
                _registrations[i] = registration;
                return true;
            }
        }

        if (Count == Capacity)
        {
            return false;
        }

        _registrations[Count++] = registration;
        return true;
    }

    public void Clear()
    {
        Array.Clear(_registrations);
        Count = 0;
    }
}
