using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>static nat ...</c> in a line card's block (Content Switching Module): the card's own NAT.</summary>
public sealed record IosModuleNat(string Text, SourceSpan Span)
    : Statement(Span);
