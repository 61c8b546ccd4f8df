namespace Alg.StdlibAlgs.H323;

/// <summary>
/// The media port pairs one signalling connection (a Q.931 connection with fastStart or tunnelled H.245, or an H.245
/// connection) opened, so a pair named again reuses its public pair and pinholes, and CloseLogicalChannel,
/// endSessionCommand and Release Complete close exactly theirs (each pair is a pinhole group).
/// </summary>
/// <remarks>Bounded like Linux's four channel mappings per call (H323_RTP_CHANNEL_MAX), here eight per connection
/// (audio, video, data and their duplicates in both directions); beyond that a pair opens nothing and is counted.</remarks>
internal sealed class H323MediaChannels
{
    public const int Capacity = 8;

    /// <summary>Pinhole groups of media pairs: above any call group (a call reference is 15 bits).</summary>
    private const long GroupBase = 0x10000;

    private readonly H323MediaChannel[] _pairs = new H323MediaChannel[Capacity];
    private int _count;
    private long _nextGroup;

    /// <summary>A logical channel as both sides can name it: its number and whether the inside party opened it (each
    /// side numbers its own forward channels, H.245 §8.4).</summary>
    public static int ChannelKey(ushort channel, bool openedByInside) => (openedByInside ? 0x10000 : 0) | channel;

    public int Count => _count;

    public bool TryFind(ushort insideRtpPort, out H323MediaChannel pair)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_pairs[i].InsideRtpPort == insideRtpPort)
            {
                pair = _pairs[i];
                return true;
            }
        }

        pair = default;
        return false;
    }

    /// <summary>Adds a pair with a fresh pinhole group; false when the table is full.</summary>
    public bool TryAdd(ushort insideRtpPort, uint publicAddress, ushort publicRtpPort, int call, out long group)
    {
        group = 0;
        if (_count == Capacity)
        {
            return false;
        }

        group = GroupBase + (++_nextGroup);
        _pairs[_count++] = new H323MediaChannel(insideRtpPort, publicAddress, publicRtpPort, group, call, -1, -1);
        return true;
    }

    /// <summary>Notes that <paramref name="channelKey"/> uses the pair of <paramref name="insideRtpPort"/>.</summary>
    public void Attach(ushort insideRtpPort, int channelKey)
    {
        for (var i = 0; i < _count; i++)
        {
            ref var pair = ref _pairs[i];
            if (pair.InsideRtpPort != insideRtpPort || pair.FirstChannel == channelKey || pair.SecondChannel == channelKey)
            {
                continue;
            }

            if (pair.FirstChannel < 0)
            {
                pair.FirstChannel = channelKey;
            }
            else if (pair.SecondChannel < 0)
            {
                pair.SecondChannel = channelKey;
            }

            return;
        }
    }

    /// <summary>Detaches a closed channel; returns the group of a pair no channel uses any more (removed), or 0.
    /// Call until it returns 0.</summary>
    public long TakeClosed(int channelKey)
    {
        for (var i = 0; i < _count; i++)
        {
            ref var pair = ref _pairs[i];
            var used = pair.FirstChannel == channelKey || pair.SecondChannel == channelKey;
            if (!used)
            {
                continue;
            }

            if (pair.FirstChannel == channelKey)
            {
                pair.FirstChannel = -1;
            }

            if (pair.SecondChannel == channelKey)
            {
                pair.SecondChannel = -1;
            }

            if (pair.FirstChannel < 0 && pair.SecondChannel < 0)
            {
                return RemoveAt(i);
            }
        }

        return 0;
    }

    /// <summary>Removes one pair of <paramref name="call"/> (any call when negative) and returns its group, or 0 when none is left.</summary>
    public long TakeOfCall(int call)
    {
        for (var i = 0; i < _count; i++)
        {
            if (call < 0 || _pairs[i].Call == call)
            {
                return RemoveAt(i);
            }
        }

        return 0;
    }

    /// <summary>Forgets the pairs added after the table held <paramref name="count"/> (their message was not
    /// applied, so their pinholes were never opened).</summary>
    public void Truncate(int count)
    {
        while (_count > count)
        {
            _pairs[--_count] = default;
        }
    }

    private long RemoveAt(int index)
    {
        var group = _pairs[index].Group;
        _pairs[index] = _pairs[--_count];
        _pairs[_count] = default;
        return group;
    }
}
