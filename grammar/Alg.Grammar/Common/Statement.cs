using Alg.Policy.Text;

namespace Alg.Grammar.Common;

/// <summary>One command of a configuration, as written. Each dialect has its own statement records.</summary>
/// <remarks>AST nodes are immutable and carry the span of the line that produced them; no ANTLR type leaks out.</remarks>
public abstract record Statement(SourceSpan Span);
