using System.Collections.Frozen;
using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Ftp;

/// <summary>
/// Reads FTP control lines from an in-order stream, one line at a time, from a line start the caller derived from the
/// stream itself (never from a segment boundary: NAT Slipstreaming). Allocation-free; bad input is an
/// <see cref="FtpParseStatus.Error"/> with a reason, never an exception.
/// </summary>
public static class FtpParser
{
    /// <summary>The longest line read whole. RFC 959 sets no limit; real commands are far shorter, and a longer line
    /// (zeek's fake-long-commands) is skipped to its end rather than buffered.</summary>
    public const int MaxLineLength = 4096;

    private static readonly FrozenDictionary<uint, FtpCommandSet> Deniable = new Dictionary<uint, FtpCommandSet>
    {
        [Key("appe"u8)] = FtpCommandSet.Appe,
        [Key("cdup"u8)] = FtpCommandSet.Cdup,
        [Key("xcup"u8)] = FtpCommandSet.Cdup,
        [Key("dele"u8)] = FtpCommandSet.Dele,
        [Key("retr"u8)] = FtpCommandSet.Get,
        [Key("help"u8)] = FtpCommandSet.Help,
        [Key("mkd"u8)] = FtpCommandSet.Mkd,
        [Key("xmkd"u8)] = FtpCommandSet.Mkd,
        [Key("stor"u8)] = FtpCommandSet.Put,
        [Key("rmd"u8)] = FtpCommandSet.Rmd,
        [Key("xrmd"u8)] = FtpCommandSet.Rmd,
        [Key("rnfr"u8)] = FtpCommandSet.Rnfr,
        [Key("rnto"u8)] = FtpCommandSet.Rnto,
        [Key("site"u8)] = FtpCommandSet.Site,
        [Key("stou"u8)] = FtpCommandSet.Stou,
    }.ToFrozenDictionary();

    // RFC 959 §4.1, RFC 1639, RFC 2228, RFC 2389, RFC 2428, RFC 2640, RFC 3659, RFC 7151 and the X* forms of RFC 775.
    private static readonly FrozenSet<uint> Verbs = new[]
    {
        "user", "pass", "acct", "cwd", "cdup", "smnt", "quit", "rein", "port", "pasv", "type", "stru", "mode", "retr",
        "stor", "stou", "appe", "allo", "rest", "rnfr", "rnto", "abor", "dele", "rmd", "mkd", "pwd", "list", "nlst",
        "site", "syst", "stat", "help", "noop", "auth", "adat", "prot", "pbsz", "ccc", "mic", "conf", "enc", "feat",
        "opts", "eprt", "epsv", "lprt", "lpsv", "lang", "mdtm", "size", "mlst", "mlsd", "host", "clnt", "xcwd", "xcup",
        "xmkd", "xpwd", "xrmd", "avbl", "csid", "dsiz", "mfct", "mfmt", "mff", "rmda", "spsv", "thmb",
    }.Select(v => Key(System.Text.Encoding.ASCII.GetBytes(v))).ToFrozenSet();

    private static readonly uint PortVerb = Key("port"u8);
    private static readonly uint EprtVerb = Key("eprt"u8);
    private static readonly uint AuthVerb = Key("auth"u8);

    /// <summary>Reads one client command starting at <paramref name="data"/>[0].</summary>
    public static FtpParseStatus ParseCommand(ReadOnlySpan<byte> data, out FtpLine line, out FtpParseError error)
    {
        if (!TryFrame(data, out var length, out var status, out line, out error))
        {
            return status;
        }

        var whole = data[..length];
        var content = TextLines.Content(whole);
        var start = SkipTelnetCommands(content);
        var verbEnd = start;
        while (verbEnd < content.Length && content[verbEnd] != ' ')
        {
            verbEnd++;
        }

        var verb = content[start..verbEnd];
        var key = verb.Length is > 0 and <= 4 ? Key(verb) : 0;
        line = line with
        {
            Kind = FtpLineKind.Command,
            Length = length,
            KnownVerb = key != 0 && Verbs.Contains(key),
            Command = key != 0 && Deniable.TryGetValue(key, out var command) ? command : FtpCommandSet.None,
            EndsWithCrLf = TextLines.EndsWithCrLf(whole),
        };

        var argument = verbEnd;
        while (argument < content.Length && content[argument] == ' ')
        {
            argument++;
        }

        if (key == PortVerb)
        {
            line = line with { Kind = FtpLineKind.Port };
            return ReadCommaForm(content, argument, ref line, out error);
        }

        if (key == EprtVerb)
        {
            line = line with { Kind = FtpLineKind.Eprt };
            return ReadExtendedAddress(content, argument, ref line, out error);
        }

        if (key == AuthVerb)
        {
            var mechanism = content[argument..];
            if (AsciiText.StartsWithIgnoreCase(mechanism, "tls"u8) || AsciiText.StartsWithIgnoreCase(mechanism, "ssl"u8))
            {
                line = line with { Kind = FtpLineKind.Auth };
            }
        }

        return FtpParseStatus.Complete;
    }

    /// <summary>Reads one server reply line starting at <paramref name="data"/>[0].</summary>
    /// <param name="openReplyCode">The code of the multi-line reply this line continues, or 0 (RFC 959 §4.2).</param>
    public static FtpParseStatus ParseReply(ReadOnlySpan<byte> data, int openReplyCode, out FtpLine line, out FtpParseError error)
    {
        if (!TryFrame(data, out var length, out var status, out line, out error))
        {
            return status;
        }

        var whole = data[..length];
        var content = TextLines.Content(whole);
        line = line with { Kind = FtpLineKind.Reply, Length = length, EndsWithCrLf = TextLines.EndsWithCrLf(whole) };
        var hasCode = content.Length >= 3 && AsciiText.IsDigit(content[0]) && AsciiText.IsDigit(content[1]) && AsciiText.IsDigit(content[2])
            && (content.Length == 3 || content[3] is (byte)' ' or (byte)'-');
        var code = hasCode ? ((content[0] - '0') * 100) + ((content[1] - '0') * 10) + (content[2] - '0') : 0;
        int textStart;
        if (openReplyCode == 0)
        {
            if (!hasCode)
            {
                error = FtpParseError.NotAReply;
                return FtpParseStatus.Error;
            }

            var opens = content.Length > 3 && content[3] == '-';
            line = line with { ReplyCode = code, OpensMultiline = opens, EndsReply = !opens };
            textStart = Math.Min(4, content.Length);
        }
        else
        {
            // Inside a multi-line reply only "xyz " with the same code ends it; other lines are text, numbers included.
            var ends = hasCode && code == openReplyCode && (content.Length == 3 || content[3] == ' ');
            line = line with { ReplyCode = openReplyCode, EndsReply = ends };
            textStart = hasCode && code == openReplyCode ? Math.Min(4, content.Length) : 0;
        }

        if (line.ReplyCode == 227)
        {
            line = line with { Kind = FtpLineKind.PassiveReply };
            FindCommaForm(content, textStart, ref line);
        }
        else if (line.ReplyCode == 229)
        {
            line = line with { Kind = FtpLineKind.ExtendedPassiveReply };
            FindExtendedPort(content, textStart, ref line);
        }

        return FtpParseStatus.Complete;
    }

    /// <summary>True when an unfinished line may still become one whose endpoint the ALG rewrites, so it is worth
    /// holding back until its end arrives (a command split over segments is then rewritten whole).</summary>
    public static bool MayAnnounceEndpoint(ReadOnlySpan<byte> partial, bool fromClient, int openReplyCode)
    {
        if (fromClient)
        {
            return IsPrefixOf(partial, "port "u8) || IsPrefixOf(partial, "eprt "u8);
        }

        return openReplyCode is 227 or 229 || IsPrefixOf(partial, "227"u8) || IsPrefixOf(partial, "229"u8);
    }

    /// <summary>ASA strict: an error reply (4yz, 5yz) that quotes a PORT command or a 227 reply, as a server's echo of a
    /// client's crafted command does.</summary>
    public static bool QuotesEndpointCommand(ReadOnlySpan<byte> line)
    {
        for (var i = 4; i + 4 <= line.Length; i++)
        {
            if ((line[i] == '2' && line[i + 1] == '2' && line[i + 2] == '7') || AsciiText.StartsWithIgnoreCase(line[i..], "port"u8))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryFrame(ReadOnlySpan<byte> data, out int length, out FtpParseStatus status, out FtpLine line, out FtpParseError error)
    {
        line = default(FtpLine) with { AddressStart = -1, PortStart = -1 };
        error = FtpParseError.None;
        length = TextLines.NextLineStart(data[..Math.Min(data.Length, MaxLineLength)], 0);
        if (length > 0)
        {
            status = FtpParseStatus.Complete;
            return true;
        }

        if (data.Length >= MaxLineLength)
        {
            line = line with { Length = data.Length };
            error = FtpParseError.LineTooLong;
            status = FtpParseStatus.Error;
        }
        else
        {
            status = FtpParseStatus.Incomplete;
        }

        return false;
    }

    private static FtpParseStatus ReadCommaForm(ReadOnlySpan<byte> content, int start, ref FtpLine line, out FtpParseError error)
    {
        error = FtpParseError.None;
        if (!Ipv4Text.TryReadCommaForm(content, start, out var address, out var port, out var length, out var numbers))
        {
            line = line with { NumberCount = numbers };
            error = FtpParseError.BadHostPort;
            return FtpParseStatus.Error;
        }

        line = WithCommaForm(in line, content, start, length, address, port);
        return FtpParseStatus.Complete;
    }

    private static FtpLine WithCommaForm(in FtpLine line, ReadOnlySpan<byte> content, int start, int length, uint address, int port) => line with
    {
        AddressStart = start,
        AddressLength = length,
        Address = address,
        Port = port,
        NumberCount = 6,
        TrailingLength = content.Length - start - length,
    };

    /// <summary>RFC 1123 §4.1.2.6: the text around a 227's numbers is not standard, so the first comma form in the line
    /// is taken, wherever it stands (also on a continuation line of a multi-line reply).</summary>
    private static void FindCommaForm(ReadOnlySpan<byte> content, int start, ref FtpLine line)
    {
        var best = 0;
        for (var i = start; i < content.Length; i++)
        {
            if (!AsciiText.IsDigit(content[i]) || (i > 0 && AsciiText.IsDigit(content[i - 1])))
            {
                continue;
            }

            if (Ipv4Text.TryReadCommaForm(content, i, out var address, out var port, out var length, out var numbers))
            {
                line = WithCommaForm(in line, content, i, length, address, port);
                return;
            }

            best = Math.Max(best, numbers);
        }

        line = line with { NumberCount = best };
    }

    /// <summary>RFC 2428 §3: <c>229 text (&lt;d&gt;&lt;d&gt;&lt;d&gt;port&lt;d&gt;)</c>.</summary>
    private static void FindExtendedPort(ReadOnlySpan<byte> content, int start, ref FtpLine line)
    {
        var open = content[start..].IndexOf((byte)'(');
        if (open < 0)
        {
            return;
        }

        var i = start + open + 1;
        if (i + 4 > content.Length || !IsDelimiter(content[i]) || content[i + 1] != content[i] || content[i + 2] != content[i])
        {
            return;
        }

        var delimiter = content[i];
        var digits = DecimalText.ReadDigits(content, i + 3, 5, out var port);
        var end = i + 3 + digits;
        if (digits == 0 || port > 65535 || end >= content.Length || content[end] != delimiter)
        {
            return;
        }

        line = line with { PortStart = i + 3, PortLength = digits, Port = port, TrailingLength = content.Length - end - 1 };
    }

    /// <summary>RFC 2428 §2: <c>EPRT &lt;d&gt;af&lt;d&gt;address&lt;d&gt;port&lt;d&gt;</c>.</summary>
    private static FtpParseStatus ReadExtendedAddress(ReadOnlySpan<byte> content, int start, ref FtpLine line, out FtpParseError error)
    {
        error = FtpParseError.BadDelimiter;
        if (start >= content.Length || !IsDelimiter(content[start]))
        {
            return FtpParseStatus.Error;
        }

        var delimiter = content[start];
        var familyStart = start + 1;
        var familyEnd = NextDelimiter(content, familyStart, delimiter);
        var addressEnd = familyEnd < 0 ? -1 : NextDelimiter(content, familyEnd + 1, delimiter);
        var portEnd = addressEnd < 0 ? -1 : NextDelimiter(content, addressEnd + 1, delimiter);
        if (portEnd < 0)
        {
            return FtpParseStatus.Error;
        }

        var family = content[familyStart..familyEnd];
        var addressText = content[(familyEnd + 1)..addressEnd];
        var portText = content[(addressEnd + 1)..portEnd];
        uint address = 0;
        bool ipv6;
        if (family.SequenceEqual("1"u8))
        {
            ipv6 = false;
            if (!Ipv4Text.TryParseIpv4(addressText, out address))
            {
                error = FtpParseError.BadAddress;
                return FtpParseStatus.Error;
            }
        }
        else if (family.SequenceEqual("2"u8))
        {
            ipv6 = true;
            if (!IsIpv6Literal(addressText))
            {
                error = FtpParseError.BadAddress;
                return FtpParseStatus.Error;
            }
        }
        else
        {
            error = FtpParseError.UnknownAddressFamily;
            return FtpParseStatus.Error;
        }

        if (!DecimalText.TryParsePort(portText, out var port))
        {
            error = FtpParseError.BadPort;
            return FtpParseStatus.Error;
        }

        error = FtpParseError.None;
        line = line with
        {
            AddressStart = familyEnd + 1,
            AddressLength = addressText.Length,
            Address = address,
            IsIpv6 = ipv6,
            PortStart = addressEnd + 1,
            PortLength = portText.Length,
            Port = port,
            TrailingLength = content.Length - portEnd - 1,
        };
        return FtpParseStatus.Complete;
    }

    /// <summary>An IPv6 literal's characters and shape (RFC 4291 §2.2): hex groups, colons, an optional dotted tail.</summary>
    private static bool IsIpv6Literal(ReadOnlySpan<byte> text)
    {
        if (text.Length is < 2 or > 45 || text.IndexOf((byte)':') < 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(AsciiText.IsDigit(c) || c is (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F') or (byte)':' or (byte)'.'))
            {
                return false;
            }
        }

        return true;
    }

    private static int NextDelimiter(ReadOnlySpan<byte> content, int start, byte delimiter)
    {
        if (start > content.Length)
        {
            return -1;
        }

        var index = content[start..].IndexOf(delimiter);
        return index < 0 ? -1 : start + index;
    }

    /// <summary>RFC 2428 §2: any printable ASCII (33-126) that is not a digit; '|' in practice.</summary>
    private static bool IsDelimiter(byte c) => c is >= 33 and <= 126 && !AsciiText.IsDigit(c);

    /// <summary>Telnet IAC sequences (RFC 854; RFC 959 §4.1.3 sends IAC IP, IAC Synch before ABOR) before a verb.</summary>
    private static int SkipTelnetCommands(ReadOnlySpan<byte> content)
    {
        var i = 0;
        while (i + 1 < content.Length && content[i] == 0xFF)
        {
            i += 2;
        }

        return Math.Min(i, content.Length);
    }

    private static bool IsPrefixOf(ReadOnlySpan<byte> partial, ReadOnlySpan<byte> lowerCase)
    {
        var length = Math.Min(partial.Length, lowerCase.Length);
        return AsciiText.EqualsIgnoreCase(partial[..length], lowerCase[..length]);
    }

    /// <summary>A verb of 1-4 letters as one number, lower-cased, so one dictionary probe classifies it.</summary>
    private static uint Key(ReadOnlySpan<byte> verb)
    {
        uint key = 0;
        for (var i = 0; i < verb.Length && i < 4; i++)
        {
            key |= (uint)AsciiText.ToLower(verb[i]) << (8 * i);
        }

        return key;
    }
}
