using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>ip unnumbered INTERFACE</c>: the interface borrows the address of another.</summary>
public sealed record IosInterfaceUnnumbered(Located<string> Source, SourceSpan Span)
    : Statement(Span);
