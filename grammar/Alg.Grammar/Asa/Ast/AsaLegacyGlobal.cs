using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: PIX / ASA &lt; 8.3 <c>global (IF) N {interface | IP | A-B} [netmask M]</c>: the mapped pool N.</summary>
public sealed record AsaLegacyGlobal(Located<string> Interface, Located<int> Id, bool InterfaceAddress, AddressRange? Range, Ipv4Address? Netmask, SourceSpan Span)
    : Statement(Span);
