using System.Collections.Immutable;
using Alg.Policy.Diagnostics;
using Alg.Policy.Text;

namespace Alg.Compiler.Binding;

/// <summary>What every dialect binder writes into: diagnostics, references, the ALG and timer tables, settings.</summary>
public sealed class BindingContext(DiagnosticBag diagnostics, AlgTableBuilder algs, TimerTableBuilder timers)
{
    private readonly List<SettingRecord> _settings = [];
    private readonly HashSet<SourceSpan> _narrowedAclEntries = [];
    private readonly List<RpcFilterValue> _rpcFilterValues = [];
    private readonly List<UnknownRpcService> _unknownRpcServices = [];

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public ReferenceTable References { get; } = new();

    public AlgTableBuilder Algs { get; } = algs;

    public TimerTableBuilder Timers { get; } = timers;

    public void RecordSetting(string key, string value, string description, SourceSpan span) =>
        _settings.Add(new SettingRecord(key, value, description, span));

    public ImmutableArray<SettingRecord> Settings => [.. _settings];

    /// <summary>ACL entries the device matches more narrowly than the policy says (an ICMP type, a time-range).</summary>
    public IReadOnlySet<SourceSpan> NarrowedAclEntries => _narrowedAclEntries;

    public void RecordNarrowedAclEntry(SourceSpan span) => _narrowedAclEntries.Add(span);

    /// <summary>UUIDs and program numbers as application or service definitions write them (lint checks them).</summary>
    public ImmutableArray<RpcFilterValue> RpcFilterValues => [.. _rpcFilterValues];

    public void RecordRpcFilterValue(RpcFilterValue value) => _rpcFilterValues.Add(value);

    /// <summary>Predefined RPC applications or services a policy names that Alg does not know.</summary>
    public ImmutableArray<UnknownRpcService> UnknownRpcServices => [.. _unknownRpcServices];

    public void RecordUnknownRpcService(UnknownRpcService service) => _unknownRpcServices.Add(service);
}
