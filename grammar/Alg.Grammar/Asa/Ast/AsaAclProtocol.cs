using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: the protocol of an ACL entry: a name or number, or an object / object-group.</summary>
public sealed record AsaAclProtocol(byte? Number, Located<string>? Reference, bool IsGroup, string Text);
