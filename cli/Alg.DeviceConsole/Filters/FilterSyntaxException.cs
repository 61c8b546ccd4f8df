namespace Alg.DeviceConsole.Filters;

/// <summary>A filter the console cannot run: the message and the 0-based column of the command line it is about.</summary>
internal sealed class FilterSyntaxException(string message, int column) : Exception(message)
{
    public int Column { get; } = column;
}
