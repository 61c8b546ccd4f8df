using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: <c>[un]set address ZONE NAME {A M | A/L | FQDN} [COMMENT]</c>.</summary>
public sealed record ScreenOsAddress(bool Unset, Located<string> Zone, Located<string> Name, AddressRange? Range, string? Fqdn, string? Comment, SourceSpan Span)
    : Statement(Span);
