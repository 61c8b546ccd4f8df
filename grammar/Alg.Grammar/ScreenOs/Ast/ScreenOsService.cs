using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set service NAME ...</c>: a custom service definition (<c>protocol tcp dst-port 80-80</c>,
/// <c>+ ms-rpc uuid U</c>, <c>protocol sun-rpc program LOW-HIGH</c>), each word with where it stands.</summary>
public sealed record ScreenOsService(bool Unset, Located<string> Name, ImmutableArray<Located<string>> Settings, SourceSpan Span)
    : Statement(Span);
