using Alg.Policy.Text;

namespace Alg.Policy.Diagnostics;

/// <summary>Collects diagnostics from a stage; stages keep going after an error so a user sees them all.</summary>
/// <remarks>
/// At most <see cref="MaxDiagnostics"/> are kept; past that only a count is, so no input can make the
/// diagnostics grow without bound. Errors are always counted, so a capped bag still reports failure.
/// </remarks>
public sealed class DiagnosticBag
{
    public const int MaxDiagnostics = 10_000;

    private readonly List<Diagnostic> _items = [];
    private int _dropped;
    private bool _droppedError;

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _droppedError || _items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(Diagnostic diagnostic)
    {
        if (_items.Count < MaxDiagnostics)
        {
            _items.Add(diagnostic);
            return;
        }

        _dropped++;
        _droppedError |= diagnostic.Severity == DiagnosticSeverity.Error;
    }

    public void Add(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] arguments) =>
        Add(Diagnostic.Create(descriptor, span, arguments));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>Diagnostics in file, line, column, code order, so output is stable whatever pass found them.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        var sorted = _items
            .OrderBy(d => d.Span.File, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        if (_dropped > 0)
        {
            var last = sorted.Count > 0 ? sorted[^1].Span : SourceSpan.None;
            var descriptor = _droppedError ? DiagnosticCatalog.TooManyDiagnosticsWithErrors : DiagnosticCatalog.TooManyDiagnostics;
            sorted.Add(Diagnostic.Create(descriptor, last, _dropped));
        }

        return sorted;
    }
}
