namespace Alg.Grammar.Common;

/// <summary>
/// <paramref name="Length"/> characters of a rewritten line, from 0-based <paramref name="Column"/>, that were
/// copied from the original file at 1-based <paramref name="OriginalLine"/>, 0-based <paramref name="OriginalColumn"/>.
/// </summary>
public readonly record struct SourceMapAnchor(int Column, int OriginalLine, int OriginalColumn, int Length);
