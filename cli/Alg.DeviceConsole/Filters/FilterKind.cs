namespace Alg.DeviceConsole.Filters;

/// <summary>What a <c>| keyword regex</c> does to the lines of a show command's output.</summary>
internal enum FilterKind
{
    /// <summary>Lines matching.</summary>
    Include,

    /// <summary>Lines not matching.</summary>
    Exclude,

    /// <summary>From the first line matching to the end.</summary>
    Begin,

    /// <summary>Each block (an unindented line and the indented lines under it) whose first line matches, whole; of the
    /// others, the first line and the lines under it that match.</summary>
    Section,
}
