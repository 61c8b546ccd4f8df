using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: PIX / ASA &lt; 8.3 <c>nat (IF) N {A M | access-list ACL} [options]</c>; N = 0 is NAT exemption.</summary>
public sealed record AsaLegacyNat(Located<string> Interface, Located<int> Id, Located<string>? AccessList, AddressRange? Match, ImmutableArray<string> Options, SourceSpan Span)
    : Statement(Span);
