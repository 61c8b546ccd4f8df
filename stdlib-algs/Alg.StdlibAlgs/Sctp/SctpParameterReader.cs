using System.Buffers.Binary;

namespace Alg.StdlibAlgs.Sctp;

/// <summary>Walks the type-length-value parameters of an INIT or INIT ACK (RFC 9260 §3.2.1), padded to 4 bytes; stops at
/// the first malformed one (length below 4 or past the end) and says so.</summary>
public ref struct SctpParameterReader(ReadOnlySpan<byte> parameters)
{
    /// <summary>RFC 9260 §3.3.2.1: an IPv4 address parameter, 8 bytes.</summary>
    public const ushort Ipv4Address = 5;

    /// <summary>RFC 9260 §3.3.2.1: an IPv6 address parameter, 20 bytes.</summary>
    public const ushort Ipv6Address = 6;

    private readonly ReadOnlySpan<byte> _parameters = parameters;
    private int _position;

    public bool Malformed { get; private set; }

    /// <param name="type">The parameter type.</param>
    /// <param name="offset">Where the parameter starts in the span the reader was given.</param>
    /// <param name="length">Its Length field (without padding).</param>
    public bool TryNext(out ushort type, out int offset, out int length)
    {
        type = 0;
        offset = _position;
        length = 0;
        if (_parameters.Length - _position < 4)
        {
            // Trailing bytes shorter than a parameter header are padding, if zero.
            Malformed |= _parameters.Length - _position > 0 && _parameters[_position..].IndexOfAnyExcept((byte)0) >= 0;
            _position = _parameters.Length;
            return false;
        }

        type = BinaryPrimitives.ReadUInt16BigEndian(_parameters[_position..]);
        length = BinaryPrimitives.ReadUInt16BigEndian(_parameters[(_position + 2)..]);
        if (length < 4 || length > _parameters.Length - _position)
        {
            Malformed = true;
            _position = _parameters.Length;
            return false;
        }

        _position += Math.Min((length + 3) & ~3, _parameters.Length - _position);
        return true;
    }
}
