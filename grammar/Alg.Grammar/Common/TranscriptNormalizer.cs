using System.Text;
using System.Text.RegularExpressions;

namespace Alg.Grammar.Common;

/// <summary>
/// Blanks out what a pasted terminal session adds to configuration lines: the device prompt
/// (<c>host(config-if)# </c>, <c>ssg5-> </c>, <c>user@router> </c>, the line Junos prints above the prompt of a
/// chassis member, <c>{master:0}</c>) and the trailing <c> |</c> some articles and chat tools add.
/// </summary>
/// <remarks>
/// Characters are replaced by spaces rather than removed, so every column a diagnostic reports is the
/// column in the user's file. A trailing " |" is only removed in a file that carries prompts: elsewhere it
/// could be part of a real command.
/// </remarks>
public static partial class TranscriptNormalizer
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,62}(\([A-Za-z0-9_.\-]+\))?(#|>|->) ", RegexOptions.CultureInvariant)]
    private static partial Regex PromptPattern();

    // Junos: `{master:0}`, `{primary:node0}`, `{linecard:1}` stand alone on the line above the prompt.
    [GeneratedRegex(@"^\{(master|backup|primary|secondary|linecard|hold|ineligible)(:[A-Za-z0-9]+)?\}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ChassisStatePattern();

    // Junos operational prompt with the command typed at it: `user@host> show configuration | display set`.
    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+@[A-Za-z0-9_.\-]+[>#]( |\s*$)", RegexOptions.CultureInvariant)]
    private static partial Regex JunosPromptPattern();

    [GeneratedRegex(@"[ \t]\|[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PasteTailPattern();

    public static string Normalize(string content)
    {
        if (!HasPrompts(content))
        {
            return content;
        }

        var builder = new StringBuilder(content.Length);
        var start = 0;
        while (start < content.Length)
        {
            var end = start;
            while (end < content.Length && content[end] != '\n' && content[end] != '\r')
            {
                end++;
            }

            builder.Append(NormalizeLine(content.AsSpan(start, end - start)));
            var terminatorEnd = end;
            if (terminatorEnd < content.Length && content[terminatorEnd] == '\r')
            {
                terminatorEnd++;
            }

            if (terminatorEnd < content.Length && content[terminatorEnd] == '\n')
            {
                terminatorEnd++;
            }

            builder.Append(content, end, terminatorEnd - end);
            start = terminatorEnd;
        }

        return builder.ToString();
    }

    private static bool HasPrompts(string content)
    {
        var start = 0;
        var linesSeen = 0;
        while (start < content.Length && linesSeen < 10_000)
        {
            var end = content.IndexOfAny(['\n', '\r'], start);
            if (end < 0)
            {
                end = content.Length;
            }

            var line = content.AsSpan(start, Math.Min(end - start, 200));
            if (MayHavePrompt(line) && ((PromptPattern().IsMatch(line) && LooksLikeCommandAfterPrompt(line)) || ChassisStatePattern().IsMatch(line) || JunosPromptPattern().IsMatch(line)))
            {
                return true;
            }

            linesSeen++;
            start = end + 1;
        }

        return false;
    }

    // Every prompt pattern needs a '#' or '>' (the prompt's end), or a '{' first (Junos chassis state): most
    // configuration lines have neither, and skipping the three regexes for them keeps a long file's check cheap.
    private static bool MayHavePrompt(ReadOnlySpan<char> line) => line.IndexOfAny('#', '>') >= 0 || (line.Length > 0 && line[0] == '{');

    // "hostname(config)# " always is a prompt; "word# " or "word> " only when it starts a real-looking command,
    // so that an odd configuration word ending in '#' is not mistaken for one.
    private static bool LooksLikeCommandAfterPrompt(ReadOnlySpan<char> line)
    {
        var match = PromptPattern().Match(line.ToString());
        return match.Success && match.Length < line.Length;
    }

    private static string NormalizeLine(ReadOnlySpan<char> line)
    {
        var text = line.ToString();
        var chars = text.ToCharArray();
        if (ChassisStatePattern().IsMatch(text) || JunosPromptPattern().IsMatch(text))
        {
            // The whole line is the terminal's, including the command typed at the prompt.
            return new string(' ', text.Length);
        }

        var prompt = PromptPattern().Match(text);
        if (prompt.Success)
        {
            Array.Fill(chars, ' ', 0, prompt.Length);
        }

        var tail = PasteTailPattern().Match(text);
        if (tail.Success)
        {
            Array.Fill(chars, ' ', tail.Index, tail.Length);
        }

        return new string(chars);
    }
}
