using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>set policy [id N] [name X] from Z1 to Z2 SRC DST SERVICE [nat src [dip-id N]] [nat dst ip A [port P]] ACTION ...</c>.</summary>
public sealed record ScreenOsPolicy(bool Unset, Located<int>? Id, string? Name, Located<string> FromZone, Located<string> ToZone, Located<string> Source, Located<string> Destination, Located<string> Service, ScreenOsPolicyNat? Nat, Located<string> Action, ImmutableArray<string> Options, SourceSpan Span)
    : Statement(Span);
