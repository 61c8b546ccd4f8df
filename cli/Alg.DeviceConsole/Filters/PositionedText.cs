using Sprache;

namespace Alg.DeviceConsole.Filters;

/// <summary>A piece of the command line and where it starts (0-based), for the caret under a bad one.</summary>
internal sealed record PositionedText(string Text) : IPositionAware<PositionedText>
{
    public int Column { get; private init; }

    public PositionedText SetPos(Position startPos, int length) => this with { Column = startPos.Pos };
}
