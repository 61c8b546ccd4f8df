using Alg.Grammar.Common;
using Alg.Policy.Model;

namespace Alg.Grammar.Ios.Ast;

/// <summary>An ACL address test: <c>any</c>, <c>host A</c>, <c>A WILDCARD</c>, <c>A/L</c> or <c>object-group G</c>.</summary>
public sealed record IosAclAddress(AddressMatch? Match, Located<string>? ObjectGroup);
