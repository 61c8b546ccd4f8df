using Alg.Grammar.Common;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>
/// IOS: a command that only names an ACL, prefix list or route-map (<c>neighbor X route-map RM in</c>,
/// <c>access-class 10 in</c>, <c>snmp-server community C RO 10</c>, ...). Alg binds the use, not the feature.
/// </summary>
/// <param name="Usage">What uses the structure, for messages ("snmp-server community").</param>
public sealed record IosStructureUse(IosStructureKind Kind, Located<string> Name, string Usage, SourceSpan Span)
    : Statement(Span);
