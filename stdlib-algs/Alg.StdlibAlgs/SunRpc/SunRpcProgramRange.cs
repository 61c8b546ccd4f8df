using System.Globalization;

namespace Alg.StdlibAlgs.SunRpc;

/// <summary>A range of ONC RPC program numbers (RFC 5531 §9: an unsigned 32-bit number), as a Junos
/// <c>rpc-program-number 100003-100003</c> or a ScreenOS <c>sun-rpc program 100003-100003</c> names it.</summary>
public readonly record struct SunRpcProgramRange(uint Low, uint High)
{
    public bool Contains(uint program) => program >= Low && program <= High;

    /// <summary>Reads <c>N</c> or <c>LOW-HIGH</c> (decimal, LOW ≤ HIGH); false for anything else.</summary>
    public static bool TryParse(string text, out SunRpcProgramRange range)
    {
        range = default;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var lowText = dash < 0 ? text.AsSpan() : text.AsSpan(0, dash);
        var highText = dash < 0 ? text.AsSpan() : text.AsSpan(dash + 1);
        if (!uint.TryParse(lowText, NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            || !uint.TryParse(highText, NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            || low > high)
        {
            return false;
        }

        range = new SunRpcProgramRange(low, high);
        return true;
    }

    /// <summary>The canonical text: one number, or <c>LOW-HIGH</c>.</summary>
    public override string ToString() =>
        Low == High ? Low.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Low}-{High}");
}
