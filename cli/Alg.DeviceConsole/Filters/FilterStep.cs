using System.Text.RegularExpressions;

namespace Alg.DeviceConsole.Filters;

/// <summary>One <c>| keyword regex</c> of a show command, with the column its regular expression starts at.</summary>
internal sealed record FilterStep(FilterKind Kind, string Pattern, int PatternColumn, Regex Regex);
