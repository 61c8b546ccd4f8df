using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: PIX 6 <c>ip address NAME A M</c> or <c>ip address NAME dhcp ...</c>.</summary>
public sealed record AsaPixInterfaceAddress(Located<string> Interface, Ipv4Prefix? Prefix, bool Dynamic, SourceSpan Span)
    : Statement(Span);
