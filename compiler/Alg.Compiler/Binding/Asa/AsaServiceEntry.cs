using System.Collections.Immutable;
using Alg.Policy.Model;

namespace Alg.Compiler.Binding;

/// <summary>One protocol-and-ports alternative of an ASA service object or service group.</summary>
/// <param name="Protocol">IP protocol number; null for <c>ip</c> (any).</param>
internal sealed record AsaServiceEntry(byte? Protocol, ImmutableArray<PortRange> SourcePorts, ImmutableArray<PortRange> DestinationPorts);
