using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>access-list NAME {webtype|ethertype} ...</c>: valid, and about traffic Alg does not translate (clientless VPN URLs, layer 2).</summary>
public sealed record AsaAclUnmodelled(Located<string> Acl, string Kind, string Text, SourceSpan Span)
    : Statement(Span);
