using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>a host, subnet, range or nested group of an object-group</c>.</summary>
public sealed record IosObjectGroupMember(AddressRange? Addresses, Located<string>? Group, TransportProtocol? Protocol, IosPortSpec? Ports, SourceSpan Span)
    : Statement(Span);
