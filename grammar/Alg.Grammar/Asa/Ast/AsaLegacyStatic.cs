using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: PIX / ASA &lt; 8.3 <c>static (real,mapped) [tcp|udp] {MAPPED|interface} [MP] {REAL [RP] | access-list ACL} [netmask M] ...</c>.</summary>
public sealed record AsaLegacyStatic(Located<string> RealInterface, Located<string> MappedInterface, TransportProtocol? Protocol, bool MappedIsInterface, Located<Ipv4Address>? MappedAddress, Located<int>? MappedPort, Located<Ipv4Address>? RealAddress, Located<int>? RealPort, Located<string>? AccessList, Ipv4Address? Netmask, ImmutableArray<string> Options, SourceSpan Span)
    : Statement(Span);
