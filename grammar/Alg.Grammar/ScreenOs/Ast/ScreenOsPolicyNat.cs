using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.ScreenOs.Ast;

/// <summary>ScreenOS: the NAT part of a policy: <c>nat src [dip-id N]</c> (without dip-id: the egress interface address) and/or <c>nat dst ip A [to B] [port P]</c>.</summary>
public sealed record ScreenOsPolicyNat(bool Source, Located<int>? DipId, AddressRange? DestinationRange, Located<int>? DestinationPort);
