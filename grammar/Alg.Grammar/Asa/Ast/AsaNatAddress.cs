using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: a NAT address operand: <c>interface</c>, <c>any</c>, a literal address or an object / group name.</summary>
public sealed record AsaNatAddress(AsaNatAddressKind Kind, Located<string> Text, Ipv4Address? Address);
