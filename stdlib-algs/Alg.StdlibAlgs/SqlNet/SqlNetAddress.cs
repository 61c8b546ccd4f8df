namespace Alg.StdlibAlgs.SqlNet;

/// <summary>One <c>(ADDRESS=(PROTOCOL=...)(HOST=...)(PORT=...))</c> of a connect descriptor; offsets relative to the
/// text scanned, -1 when the keyword is absent.</summary>
/// <param name="IsTcp">PROTOCOL is TCP or TCPS (a redirect to IPC/BEQ names nothing on the network).</param>
/// <param name="Port">The PORT value, or -1 when it is missing or not a port number.</param>
public readonly record struct SqlNetAddress(
    bool IsTcp,
    SqlNetHostKind HostKind,
    uint Host,
    int HostStart,
    int HostLength,
    int Port,
    int PortStart,
    int PortLength);
