using System.Security.Cryptography;
using System.Text;

namespace Alg.Host.Control;

/// <summary>
/// The version of a configuration text: the start of its SHA-256. A console's commit names the version it edited, so
/// a change made in between (another console, a reload) is noticed whatever produced it.
/// </summary>
public static class ConfigurationVersion
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    public static bool IsWellFormed(string version) => version.Length == 16 && version.All(char.IsAsciiHexDigitLower);
}
