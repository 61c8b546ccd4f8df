using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: the address of a network object: <c>host</c>, <c>subnet</c>, <c>range</c> or <c>fqdn</c>.</summary>
public sealed record AsaObjectAddress(AsaObjectAddressKind Kind, AddressRange? Range, string? Fqdn, SourceSpan Span)
    : Statement(Span);
