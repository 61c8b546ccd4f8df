using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.SqlNet;

/// <summary>
/// Finds the <c>(ADDRESS=...)</c> entries of a connect descriptor (algs.md §8.1): at any depth, so inside
/// <c>(ADDRESS_LIST=...)</c> or <c>(DESCRIPTION=...)</c> too, with their PROTOCOL, HOST and PORT values located.
/// Keywords are case-insensitive and blanks may surround keywords, <c>=</c> and values.
/// </summary>
/// <remarks>The scan stops at the first NUL outside any parenthesis: a redirect's text is the address to dial, then a
/// NUL and the connect data the client hands to the new listener (which repeats the address the client first dialled —
/// not an address anyone connects to, so never rewritten nor opened). It reads only the span it is given, the text the
/// TNS length bounds (algs.md §8.3).</remarks>
public static class SqlNetDescriptorScanner
{
    /// <summary>How deep parentheses may nest (a DESCRIPTION_LIST of DESCRIPTIONs of ADDRESS_LISTs is 4).</summary>
    public const int MaxDepth = 16;

    /// <summary>Where the scan stopped: the end of the address text (the first NUL outside parentheses, or the end).</summary>
    public static int AddressTextLength(ReadOnlySpan<byte> text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case (byte)'(':
                    depth++;
                    break;
                case (byte)')':
                    depth--;
                    break;
                case 0 when depth <= 0:
                    return i;
            }
        }

        return text.Length;
    }

    /// <returns>Complete, or Error with <paramref name="error"/> (nothing in <paramref name="found"/> is then to be used).</returns>
    public static SqlNetParseStatus Scan(ReadOnlySpan<byte> text, Span<SqlNetAddress> found, out int count, out SqlNetParseError error)
    {
        count = 0;
        error = SqlNetParseError.None;
        text = text[..AddressTextLength(text)];
        Span<byte> kinds = stackalloc byte[MaxDepth + 1];
        kinds[0] = (byte)Keyword.Other;
        var depth = 0;
        var entry = default(Entry);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == (byte)')')
            {
                if (depth == 0)
                {
                    return Fail(SqlNetParseError.BadDescriptor, out error);
                }

                if (kinds[depth] == (byte)Keyword.Address)
                {
                    if (count == found.Length)
                    {
                        return Fail(SqlNetParseError.DescriptorTooComplex, out error);
                    }

                    found[count++] = entry.ToAddress(text);
                }

                depth--;
                i++;
                continue;
            }

            if (c != (byte)'(')
            {
                // Blanks between entries and the values of keywords this ALG does not read.
                i++;
                continue;
            }

            if (++depth > MaxDepth)
            {
                return Fail(SqlNetParseError.DescriptorTooComplex, out error);
            }

            var equals = text[(i + 1)..].IndexOfAny((byte)'=', (byte)'(', (byte)')');
            if (equals < 0 || text[i + 1 + equals] != (byte)'=')
            {
                return Fail(SqlNetParseError.BadDescriptor, out error);
            }

            var keyword = Classify(AsciiText.Trim(text.Slice(i + 1, equals)));
            var parent = (Keyword)kinds[depth - 1];
            kinds[depth] = (byte)keyword;
            i += equals + 2;
            if (keyword == Keyword.Address)
            {
                if (parent == Keyword.Address)
                {
                    return Fail(SqlNetParseError.BadDescriptor, out error);
                }

                entry = new Entry();
                continue;
            }

            if (parent != Keyword.Address || keyword is not (Keyword.Protocol or Keyword.Host or Keyword.Port))
            {
                continue;
            }

            // A value: everything to the closing parenthesis, blanks around it trimmed; it holds no parenthesis.
            var close = text[i..].IndexOfAny((byte)'(', (byte)')');
            if (close < 0 || text[i + close] != (byte)')')
            {
                return Fail(SqlNetParseError.BadDescriptor, out error);
            }

            var start = i;
            var end = i + close;
            while (start < end && AsciiText.IsBlank(text[start]))
            {
                start++;
            }

            while (end > start && AsciiText.IsBlank(text[end - 1]))
            {
                end--;
            }

            entry.Set(keyword, start, end - start);
            i += close;
        }

        return depth != 0 ? Fail(SqlNetParseError.BadDescriptor, out error) : SqlNetParseStatus.Complete;
    }

    private static Keyword Classify(ReadOnlySpan<byte> keyword) =>
        AsciiText.EqualsIgnoreCase(keyword, "address"u8) ? Keyword.Address
        : AsciiText.EqualsIgnoreCase(keyword, "protocol"u8) ? Keyword.Protocol
        : AsciiText.EqualsIgnoreCase(keyword, "host"u8) ? Keyword.Host
        : AsciiText.EqualsIgnoreCase(keyword, "port"u8) ? Keyword.Port
        : Keyword.Other;

    private static SqlNetParseStatus Fail(SqlNetParseError reason, out SqlNetParseError error)
    {
        error = reason;
        return SqlNetParseStatus.Error;
    }

    private enum Keyword : byte
    {
        Other,
        Address,
        Protocol,
        Host,
        Port,
    }

    /// <summary>The values of one ADDRESS seen so far (a repeated keyword: the last wins, as a listener reads it).</summary>
    private struct Entry
    {
        private int _protocolStart;
        private int _protocolLength;
        private int _hostStart;
        private int _hostLength;
        private int _portStart;
        private int _portLength;

        public Entry()
        {
            _protocolStart = _hostStart = _portStart = -1;
        }

        public void Set(Keyword keyword, int start, int length)
        {
            switch (keyword)
            {
                case Keyword.Protocol:
                    (_protocolStart, _protocolLength) = (start, length);
                    break;
                case Keyword.Host:
                    (_hostStart, _hostLength) = (start, length);
                    break;
                default:
                    (_portStart, _portLength) = (start, length);
                    break;
            }
        }

        public readonly SqlNetAddress ToAddress(ReadOnlySpan<byte> text)
        {
            var protocol = _protocolStart >= 0 ? text.Slice(_protocolStart, _protocolLength) : default;
            var isTcp = AsciiText.EqualsIgnoreCase(protocol, "tcp"u8) || AsciiText.EqualsIgnoreCase(protocol, "tcps"u8);
            var kind = SqlNetHostKind.Missing;
            uint host = 0;
            if (_hostStart >= 0)
            {
                kind = Ipv4Text.TryParseIpv4(text.Slice(_hostStart, _hostLength), out host) ? SqlNetHostKind.Ipv4 : SqlNetHostKind.Other;
            }

            var port = -1;
            if (_portStart >= 0 && DecimalText.TryParsePort(text.Slice(_portStart, _portLength), out var parsed))
            {
                port = parsed;
            }

            return new SqlNetAddress(isTcp, kind, host, _hostStart, _hostLength, port, _portStart, _portLength);
        }
    }
}
