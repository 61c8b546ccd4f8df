using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>access-list NAME [extended|standard] {permit|deny} ...</c>; one line, appended to the list of that name.</summary>
public sealed record AsaAclEntry(Located<string> Acl, bool Standard, AclAction Action, AsaAclProtocol? Protocol, AsaAclAddress Source, AsaPortSpec? SourcePorts, AsaAclAddress? Destination, AsaPortSpec? DestinationPorts, Located<string>? DestinationPortGroup, ImmutableArray<string> Options, SourceSpan Span, Located<string>? SourcePortGroup = null)
    : Statement(Span);
