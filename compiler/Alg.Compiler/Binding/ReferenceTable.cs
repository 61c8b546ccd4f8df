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
    private readonly HashSet<(ReferenceKind, string)> _defined = [];
    private readonly HashSet<(ReferenceKind, string)> _referenced = [];

    public IReadOnlyList<StructureDefinition> Definitions => _definitions;

    public IReadOnlyList<StructureReference> References => _references;

    /// <summary>Records a definition; a structure defined twice (e.g. numbered ACL lines) keeps its first span.</summary>
    public void Define(ReferenceKind kind, string name, SourceSpan span, bool builtin = false)
    {
        if (_defined.Add((kind, name)))
        {
            _definitions.Add(new StructureDefinition(kind, name, span, builtin));
        }
    }

    public void Reference(ReferenceKind kind, string name, SourceSpan span, string usage, bool outsideTranslation = false)
    {
        _referenced.Add((kind, name));
        _references.Add(new StructureReference(kind, name, span, usage, outsideTranslation));
    }

    public bool IsDefined(ReferenceKind kind, string name) => _defined.Contains((kind, name));

    public bool IsReferenced(ReferenceKind kind, string name) => _referenced.Contains((kind, name));

    public IEnumerable<string> NamesOf(ReferenceKind kind) => _definitions.Where(d => d.Kind == kind).Select(d => d.Name);
}
