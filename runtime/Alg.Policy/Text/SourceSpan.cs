namespace Alg.Policy.Text;

/// <summary>A range in one input file; lines and columns are 1-based, the end column is exclusive.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>The span of something that comes from no file: a vendor default or a built-in.</summary>
    public static readonly SourceSpan None = new(string.Empty, 0, 0, 0, 0);

    public bool IsNone => Line == 0;

    public static SourceSpan WholeLine(string file, int line, int length) => new(file, line, 1, line, length + 1);

    /// <summary>file:line, the form used for "where did this come from" in policy output.</summary>
    public string ToLocation() => IsNone ? "default" : $"{File}:{Line}";

    public override string ToString() => IsNone ? "default" : $"{File}({Line},{Column})";
}
