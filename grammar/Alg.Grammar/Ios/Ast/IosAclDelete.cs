using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>no SEQ inside a named list, or no access-list N</c>.</summary>
public sealed record IosAclDelete(int? Sequence, SourceSpan Span)
    : Statement(Span);
