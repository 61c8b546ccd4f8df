using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: the <c>ASA Version</c> / <c>PIX Version</c> / <c>FWSM Version</c> banner line; it names the platform.</summary>
public sealed record AsaVersion(string Platform, string Version, SourceSpan Span)
    : Statement(Span);
