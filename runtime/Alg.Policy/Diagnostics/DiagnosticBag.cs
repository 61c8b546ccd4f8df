using Alg.Policy.Text;

namespace Alg.Policy.Diagnostics;

/// <summary>Collects diagnostics from a stage; stages keep going after an error so a user sees them all.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void Add(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] arguments) =>
        _items.Add(Diagnostic.Create(descriptor, span, arguments));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Diagnostics in file, line, column, code order, so output is stable whatever pass found them.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        _items
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
}
