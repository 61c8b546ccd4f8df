using System.Collections.Immutable;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>What every dialect binder writes into: diagnostics, references, the ALG and timer tables, settings.</summary>
public sealed class BindingContext(DiagnosticBag diagnostics, AlgTableBuilder algs, TimerTableBuilder timers)
{
    private readonly List<SettingRecord> _settings = [];

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public ReferenceTable References { get; } = new();

    public AlgTableBuilder Algs { get; } = algs;

    public TimerTableBuilder Timers { get; } = timers;

    public void RecordSetting(string key, string value, string description, SourceSpan span) =>
        _settings.Add(new SettingRecord(key, value, description, span));

    public ImmutableArray<SettingRecord> Settings => [.. _settings];

    /// <summary>
    /// ACL lines whose entries match fewer packets than the policy model can say (an ICMP type, fragments):
    /// the model keeps the wider match, and lint must not take such a line as covering a later one.
    /// </summary>
    public HashSet<SourceSpan> NarrowerAclLines { get; } = [];
}
