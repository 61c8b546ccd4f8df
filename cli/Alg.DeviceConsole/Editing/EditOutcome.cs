namespace Alg.DeviceConsole.Editing;

/// <summary>
/// What one configuration line did to the candidate configuration: refused with its problems (nothing changed), or
/// accepted, with the new text (null when nothing needed to change) and the modes the console is in afterwards.
/// </summary>
internal sealed record EditOutcome(bool Accepted, ConfigText? NewText, IReadOnlyList<ContextFrame> Context, IReadOnlyList<LineProblem> Problems, string? Note = null)
{
    public static EditOutcome Refused(IReadOnlyList<ContextFrame> context, IReadOnlyList<LineProblem> problems) => new(false, null, context, problems);
}
