namespace Alg.Host.Control;

/// <summary>
/// The control socket's protocol: the client sends one command line (<c>reload</c>, <c>status</c>,
/// <c>status json</c>); the server answers <c>ok</c> or <c>error</c> on the first line, then the text, and
/// closes the connection.
/// </summary>
public static class ControlProtocol
{
    public const string Reload = "reload";
    public const string Status = "status";
    public const string StatusJson = "status json";
    public const string Ok = "ok";
    public const string Error = "error";
}
