using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: twice NAT, <c>nat [(real,mapped)] [after-auto] source {dynamic|static} REAL MAPPED [destination static MAPPED REAL] [service REAL MAPPED] ...</c>.</summary>
public sealed record AsaTwiceNat(Located<string>? RealInterface, Located<string>? MappedInterface, bool AfterAuto, bool Static, AsaNatAddress RealSource, AsaNatAddress MappedSource, bool InterfaceFallback, AsaNatAddress? MappedDestination, AsaNatAddress? RealDestination, Located<string>? RealService, Located<string>? MappedService, string? Description, bool Inactive, ImmutableArray<string> Flags, SourceSpan Span)
    : Statement(Span);
