using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: an ACL address test.</summary>
public sealed record AsaAclAddress(AsaAclAddressKind Kind, AddressMatch? Match, Located<string>? Reference);
