using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;

using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>The result of binding: the policy, with the AST and the facts lint rules need about how it was written.</summary>
public sealed record BoundConfiguration(
    ConfigurationAst Ast,
    PolicyModel Policy,
    ReferenceTable References,
    ImmutableArray<SettingRecord> Settings,
    IReadOnlySet<SourceSpan>? NarrowerAclLines = null);
