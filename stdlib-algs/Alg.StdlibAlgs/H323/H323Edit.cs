using Alg.Runtime.Algs;

namespace Alg.StdlibAlgs.H323;

/// <summary>One planned in-place rewrite: the 6 bytes at <paramref name="Offset"/> become <paramref name="Value"/>
/// (4 address octets, 2 port octets, network order: aligned PER keeps every length).</summary>
internal readonly record struct H323Edit(int Offset, AlgEndpoint Value)
{
    /// <summary>Hands all of a message's edits to the output, ascending, or none (false: they do not fit).</summary>
    public static bool TryEmit(scoped Span<H323Edit> edits, ref AlgOutput output)
    {
        if (edits.Length == 0)
        {
            return true;
        }

        if (!output.HasRoomFor(edits.Length, edits.Length * H323AddressField.Length))
        {
            return false;
        }

        // Insertion sort: a handful of edits, usually already in order (the walk reads the PDU front to back).
        for (var i = 1; i < edits.Length; i++)
        {
            var edit = edits[i];
            var j = i - 1;
            while (j >= 0 && edits[j].Offset > edit.Offset)
            {
                edits[j + 1] = edits[j];
                j--;
            }

            edits[j + 1] = edit;
        }

        foreach (var edit in edits)
        {
            if (!output.TryRewrite(edit.Offset, H323AddressField.Length, H323AddressField.Length, out var destination))
            {
                return false;
            }

            var address = edit.Value.Address;
            destination[0] = (byte)(address >> 24);
            destination[1] = (byte)(address >> 16);
            destination[2] = (byte)(address >> 8);
            destination[3] = (byte)address;
            destination[4] = (byte)(edit.Value.Port >> 8);
            destination[5] = (byte)edit.Value.Port;
        }

        return true;
    }
}
