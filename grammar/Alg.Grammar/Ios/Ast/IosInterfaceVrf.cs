using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Ios.Ast;

/// <summary>IOS: <c>ip vrf forwarding VRF</c>.</summary>
public sealed record IosInterfaceVrf(string Vrf, SourceSpan Span)
    : Statement(Span);
