using Alg.Policy.Algs;
using Alg.Policy.Model;
using Alg.StdlibAlgs;

namespace Alg.Compiler.Lint;

/// <summary>The configuration lines, in each dialect, that change an ALG: used by lint advice and by `alg doctor`.</summary>
public static class DialectFixes
{
    public static IReadOnlyList<string> TurnOff(Dialect dialect, AlgPolicy alg)
    {
        var vendorName = AlgCatalog.Get(alg.Name).Aliases.FirstOrDefault(a => a.Dialect == dialect)?.VendorName ?? alg.Name;
        return dialect switch
        {
            Dialect.Ios when !alg.Ports.IsEmpty && alg.Name == "sip" =>
                [.. alg.Ports.Select(p => $"no ip nat service {vendorName} {p.Protocol.ToString().ToLowerInvariant()} port {p.Port}")],
            Dialect.Ios => [$"no ip nat service {vendorName}"],
            Dialect.Asa => ["policy-map global_policy", " class inspection_default", $"  no inspect {vendorName}"],
            Dialect.ScreenOs => [$"unset alg {vendorName} enable"],
            Dialect.Junos => [$"set security alg {vendorName} disable"],
            _ => [],
        };
    }

    public static IReadOnlyList<string> TurnOn(Dialect dialect, AlgPolicy alg, AlgPort? port = null)
    {
        var vendorName = AlgCatalog.Get(alg.Name).Aliases.FirstOrDefault(a => a.Dialect == dialect)?.VendorName ?? alg.Name;
        return dialect switch
        {
            Dialect.Ios when port is { } p => [$"ip nat service {vendorName} {p.Protocol.ToString().ToLowerInvariant()} port {p.Port}"],
            Dialect.Ios => [$"ip nat service {vendorName}"],
            Dialect.Asa => ["policy-map global_policy", " class inspection_default", $"  inspect {vendorName}"],
            Dialect.ScreenOs => [$"set alg {vendorName} enable"],
            Dialect.Junos => [$"delete security alg {vendorName} disable"],
            _ => [],
        };
    }
}
