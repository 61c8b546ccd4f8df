using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: PIX 6 <c>nameif HARDWARE NAME securityN</c>.</summary>
public sealed record AsaPixNameif(Located<string> Hardware, Located<string> Name, Located<int>? Level, SourceSpan Span)
    : Statement(Span);
