using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: object NAT, <c>nat [(real,mapped)] {dynamic|static} MAPPED [interface] [service tcp|udp RP MP] ...</c> inside <c>object network</c>.</summary>
public sealed record AsaObjectNat(Located<string>? RealInterface, Located<string>? MappedInterface, bool Static, AsaNatAddress Mapped, bool InterfaceFallback, TransportProtocol? ServiceProtocol, Located<int>? RealPort, Located<int>? MappedPort, ImmutableArray<string> Flags, SourceSpan Span)
    : Statement(Span);
