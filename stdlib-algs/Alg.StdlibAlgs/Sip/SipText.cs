using Alg.StdlibAlgs.Text;

namespace Alg.StdlibAlgs.Sip;

/// <summary>SIP's own header syntax over bytes; the generic text helpers are in <see cref="AsciiText"/>,
/// <see cref="DecimalText"/> and <see cref="Ipv4Text"/>.</summary>
internal static class SipText
{
    /// <summary>Finds a <c>;name=value</c> parameter in a header element and returns the value's offsets, or false.</summary>
    public static bool TryFindParameter(ReadOnlySpan<byte> element, ReadOnlySpan<byte> lowerName, out int valueStart, out int valueLength)
    {
        valueStart = -1;
        valueLength = 0;
        var inQuotes = false;
        var inBrackets = false;
        for (var i = 0; i < element.Length; i++)
        {
            var c = element[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c == '<')
            {
                inBrackets = true;
            }
            else if (!inQuotes && c == '>')
            {
                inBrackets = false;
            }
            else if (!inQuotes && !inBrackets && c == ';')
            {
                var nameStart = i + 1;
                while (nameStart < element.Length && AsciiText.IsBlank(element[nameStart]))
                {
                    nameStart++;
                }

                var nameEnd = nameStart;
                while (nameEnd < element.Length && element[nameEnd] is not ((byte)'=' or (byte)';' or (byte)' ' or (byte)'\t'))
                {
                    nameEnd++;
                }

                if (AsciiText.EqualsIgnoreCase(element[nameStart..nameEnd], lowerName))
                {
                    var start = nameEnd;
                    while (start < element.Length && AsciiText.IsBlank(element[start]))
                    {
                        start++;
                    }

                    if (start >= element.Length || element[start] != '=')
                    {
                        valueStart = start;
                        return true;
                    }

                    start++;
                    while (start < element.Length && AsciiText.IsBlank(element[start]))
                    {
                        start++;
                    }

                    var end = start;
                    while (end < element.Length && element[end] is not ((byte)';' or (byte)',' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    {
                        end++;
                    }

                    valueStart = start;
                    valueLength = end - start;
                    return true;
                }
            }
        }

        return false;
    }
}
