using System.Collections.Immutable;
using Alg.Policy.Text;

namespace Alg.Grammar.Common;

/// <summary>A statement that opens a configuration mode; the lines read in that mode are its children.</summary>
public abstract record BlockStatement(SourceSpan Span, ImmutableArray<Statement> Children) : Statement(Span);
