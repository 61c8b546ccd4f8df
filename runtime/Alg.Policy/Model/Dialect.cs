namespace Alg.Policy.Model;

/// <summary>The configuration languages Alg reads.</summary>
public enum Dialect
{
    Ios,
    Asa,
    ScreenOs,
    Junos,
}
