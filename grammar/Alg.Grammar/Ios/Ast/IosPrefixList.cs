using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>ip prefix-list NAME ...</c>; each line adds an entry, so the first defines the list.</summary>
public sealed record IosPrefixList(Located<string> Name, bool Negated, SourceSpan Span)
    : Statement(Span);
