using Alg.Grammar.Common;

namespace Alg.Grammar.Ios.Ast;

/// <summary>The protocol of an extended ACL rule: a number (null for <c>ip</c>, any protocol) or an object-group.</summary>
public sealed record IosAclProtocol(byte? Number, Located<string>? ObjectGroup, string Text);
