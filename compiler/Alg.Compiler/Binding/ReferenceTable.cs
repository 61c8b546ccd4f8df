using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>
/// Definitions and references of named structures, collected while binding (as Batfish does), so undefined
/// and unused structures fall out of the data instead of being searched for by each lint rule.
/// </summary>
public sealed class ReferenceTable
{
    private readonly List<StructureDefinition> _definitions = [];
    private readonly List<StructureReference> _references = [];

    public IReadOnlyList<StructureDefinition> Definitions => _definitions;

    public IReadOnlyList<StructureReference> References => _references;

    /// <summary>Records a definition; a structure defined twice (e.g. numbered ACL lines) keeps its first span.</summary>
    public void Define(ReferenceKind kind, string name, SourceSpan span, bool builtin = false)
    {
        if (!IsDefined(kind, name))
        {
            _definitions.Add(new StructureDefinition(kind, name, span, builtin));
        }
    }

    public void Reference(ReferenceKind kind, string name, SourceSpan span, string usage) =>
        _references.Add(new StructureReference(kind, name, span, usage));

    public bool IsDefined(ReferenceKind kind, string name) =>
        _definitions.Exists(d => d.Kind == kind && string.Equals(d.Name, name, StringComparison.Ordinal));

    public bool IsReferenced(ReferenceKind kind, string name) =>
        _references.Exists(r => r.Kind == kind && string.Equals(r.Name, name, StringComparison.Ordinal));

    public IEnumerable<string> NamesOf(ReferenceKind kind) => _definitions.Where(d => d.Kind == kind).Select(d => d.Name);
}
