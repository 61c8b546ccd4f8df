using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>name ADDRESS ALIAS [description TEXT]</c>: an alias usable wherever an address is.</summary>
public sealed record AsaNameAlias(string AddressText, Ipv4Address? Address, Located<string> Alias, string? Description, SourceSpan Span)
    : Statement(Span);
