using Alg.Policy.Text;

namespace Alg.Policy.Model;

/// <summary>
/// A static entry of the SunRPC services table (ASA <c>sunrpc-server IFC ADDRESS MASK service PROGRAM protocol tcp|udp
/// port P[-P] timeout hh:mm:ss</c>): the program's servers on <see cref="Interface"/> are reached on these ports without
/// a port mapper's answer, from every other interface.
/// </summary>
/// <param name="Interface">The server's interface as the configuration names it (ASA nameif).</param>
/// <param name="Servers">The servers' real addresses (ADDRESS MASK).</param>
/// <param name="TimeoutSeconds">The entry's idle timeout as configured (0:00:00 is 0).</param>
public sealed record SunRpcServerEntry(
    string Interface,
    AddressRange Servers,
    uint Program,
    TransportProtocol Protocol,
    PortRange Ports,
    long TimeoutSeconds,
    SourceSpan Span);
