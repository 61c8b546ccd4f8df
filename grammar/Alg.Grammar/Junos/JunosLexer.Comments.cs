using Alg.Grammar.Common;
using Antlr4.Runtime;

namespace Alg.Grammar.Junos;

// The generated half of this class carries [CLSCompliant(false)]; the compiler reports that attribute at
// whichever half it meets first, and this file's name sorts before Generated/.
#pragma warning disable CS3021
/// <summary>Whole-line comments, read without a lexer predicate so the generated lexer's DFA stays cached.</summary>
public partial class JunosLexer
{
    public override IToken NextToken() =>
        LineCommentScanner.TryRead(this, COMMENT, ['#'], []) ?? base.NextToken();
}
#pragma warning restore CS3021
