using Alg.Policy.Algs;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>
/// Keeps only the enabled ALGs, with their options as fixed values, and the transport ports they inspect.
/// A port two ALGs claim goes to the first in name order, so both engines agree on it.
/// </summary>
public sealed class LowerAlgDispatchPass : ILoweringPass
{
    public string Name => "lower-alg-dispatch";

    public void Run(LoweringState state)
    {
        var claimed = new HashSet<AlgPort>();
        foreach (var alg in state.Policy.Algs.Where(a => a.Enabled).OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var id = state.Algs.Count;
            state.Algs.Add(new AlgPlan(id, alg.Name, alg.Options));
            foreach (var port in alg.Ports)
            {
                if (claimed.Add(port))
                {
                    state.AlgPorts.Add(new AlgPortBinding(port.Protocol, port.Port, id));
                }
            }
        }
    }
}
