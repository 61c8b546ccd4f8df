using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>access-group ACL {in|out} interface IF</c> or <c>access-group ACL global</c> (Interface null).</summary>
public sealed record AsaAccessGroup(Located<string> Acl, AsaAccessGroupDirection Direction, Located<string>? Interface, SourceSpan Span)
    : Statement(Span);
