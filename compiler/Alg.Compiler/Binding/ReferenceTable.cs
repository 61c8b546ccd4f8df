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
    // Names by kind, one set per kind: HashSet<(ReferenceKind, string)> is an instantiation over a struct that
    // ReadyToRun leaves to the JIT at every start; sets of strings are precompiled.
    private HashSet<string>?[] _defined = [];
    private HashSet<string>?[] _referenced = [];

    public IReadOnlyList<StructureDefinition> Definitions => _definitions;

    public IReadOnlyList<StructureReference> References => _references;

    /// <summary>Records a definition; a structure defined twice (e.g. numbered ACL lines) keeps its first span.</summary>
    public void Define(ReferenceKind kind, string name, SourceSpan span, bool builtin = false)
    {
        if (Names(ref _defined, kind).Add(name))
        {
            _definitions.Add(new StructureDefinition(kind, name, span, builtin));
        }
    }

    public void Reference(ReferenceKind kind, string name, SourceSpan span, string usage, bool outsideTranslation = false)
    {
        Names(ref _referenced, kind).Add(name);
        _references.Add(new StructureReference(kind, name, span, usage, outsideTranslation));
    }

    public bool IsDefined(ReferenceKind kind, string name) => (int)kind < _defined.Length && _defined[(int)kind]?.Contains(name) == true;

    public bool IsReferenced(ReferenceKind kind, string name) => (int)kind < _referenced.Length && _referenced[(int)kind]?.Contains(name) == true;

    public IEnumerable<string> NamesOf(ReferenceKind kind) => _definitions.Where(d => d.Kind == kind).Select(d => d.Name);

    private static HashSet<string> Names(ref HashSet<string>?[] byKind, ReferenceKind kind)
    {
        if ((int)kind >= byKind.Length)
        {
            Array.Resize(ref byKind, (int)kind + 1);
        }

        return byKind[(int)kind] ??= new HashSet<string>(StringComparer.Ordinal);
    }
}
