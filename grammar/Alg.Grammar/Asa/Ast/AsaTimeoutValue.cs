using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: one name/value pair of a timeout line; Seconds 0 disables the timer.</summary>
public sealed record AsaTimeoutValue(Located<string> Name, Located<int> Seconds, string? Qualifier);
