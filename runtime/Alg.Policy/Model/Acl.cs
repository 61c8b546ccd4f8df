using System.Collections.Immutable;
using Alg.Policy.Text;

namespace Alg.Policy.Model;

/// <summary>An ordered access list: the first entry that matches decides; no match is a deny.</summary>
public sealed record Acl(string Name, AclKind Kind, ImmutableArray<AclEntry> Entries, SourceSpan Span);
