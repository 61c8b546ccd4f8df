using System.Collections.Immutable;
using Alg.Grammar.Common;
using Alg.Policy.Model;
using Alg.Policy.Text;

namespace Alg.Grammar.Asa.Ast;

/// <summary>ASA: <c>ip address A M [standby B]</c>, <c>ip address dhcp|pppoe</c> (Dynamic) or <c>no ip address</c> (both null).</summary>
public sealed record AsaInterfaceAddress(Ipv4Prefix? Prefix, Ipv4Address? Standby, bool Dynamic, SourceSpan Span)
    : Statement(Span);
