using Alg.Runtime.Algs;

namespace Alg.StdlibAlgs.Text;

/// <summary>A message's edits collected in a caller's (stack) span, then handed to <see cref="AlgOutput"/> sorted and
/// only when all of them fit: half a translation is worse than none.</summary>
public static class TextEditPlan
{
    /// <summary>Adds an edit; false when the plan is full (the caller then gives up on the message).</summary>
    public static bool TryAdd(Span<TextEdit> edits, ref int count, in TextEdit edit)
    {
        if (count == edits.Length)
        {
            return false;
        }

        edits[count++] = edit;
        return true;
    }

    /// <summary>Sorts the edits by offset and writes them as rewrites at <paramref name="baseOffset"/> + their offsets.</summary>
    /// <returns>False, with nothing written, when the output has no room for all of them.</returns>
    public static bool TryEmit(scoped Span<TextEdit> edits, int baseOffset, ref AlgOutput output)
    {
        // Insertion sort: edits arrive nearly in order (SIP: only Content-Length and body edits come late), and
        // messages carry few of them.
        var bytes = 0;
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
            bytes += edit.NewLength;
        }

        if (!output.HasRoomFor(edits.Length, bytes))
        {
            return false;
        }

        foreach (var edit in edits)
        {
            if (output.TryRewrite(baseOffset + edit.Offset, edit.OldLength, edit.NewLength, out var destination))
            {
                edit.Write(destination);
            }
        }

        return true;
    }
}
