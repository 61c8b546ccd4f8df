using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>access-list NAME remark TEXT</c>.</summary>
public sealed record AsaAclRemark(Located<string> Acl, string Text, SourceSpan Span)
    : Statement(Span);
