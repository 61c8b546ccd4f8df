using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>one permit/deny rule</c>.</summary>
public sealed record IosAclEntry(int? Sequence, AclAction Action, IosAclProtocol? Protocol, IosAclAddress Source, IosPortSpec? SourcePorts, IosAclAddress? Destination, IosPortSpec? DestinationPorts, bool Established, ImmutableArray<string> Options, SourceSpan Span)
    : Statement(Span);
