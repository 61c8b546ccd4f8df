using Alg.Policy.Model;
using Alg.Runtime.Pipeline.Ir;

namespace Alg.Compiler.Lowering;

/// <summary>
/// Stage 5: the policy becomes the pipeline IR both engines run. The passes, in order, each in its own file
/// with a header saying what it does:
/// <list type="number">
/// <item><see cref="LowerAclsPass"/> — ACLs in use become first-match rule lists with "any" made explicit.</item>
/// <item><see cref="PruneShadowedRulesPass"/> — rules an earlier rule fully covers are dropped.</item>
/// <item><see cref="LowerInterfacesPass"/> — interfaces get ids and the ids of their ACLs.</item>
/// <item><see cref="LowerNatSelectionPass"/> — NAT rules in the order the runtime tries them.</item>
/// <item><see cref="LowerSunRpcServersPass"/> — ASA sunrpc-server entries as permits ahead of the other interfaces' inbound ACLs.</item>
/// <item><see cref="LowerAlgDispatchPass"/> — enabled ALGs, their options fixed, and the ports they own.</item>
/// <item><see cref="BuildIngressPlansPass"/> — the ordered steps for packets from inside and from outside.</item>
/// <item><see cref="FingerprintPass"/> — a content hash, so equal configurations are seen to lower alike.</item>
/// </list>
/// In debug builds <see cref="IrValidator"/> checks the result.
/// </summary>
public static class PolicyLowerer
{
    public static readonly IReadOnlyList<ILoweringPass> Passes =
    [
        new LowerAclsPass(),
        new PruneShadowedRulesPass(),
        new LowerInterfacesPass(),
        new LowerNatSelectionPass(),
        new LowerSunRpcServersPass(),
        new LowerAlgDispatchPass(),
        new BuildIngressPlansPass(),
        new FingerprintPass(),
    ];

    public static PipelineProgram Lower(PolicyModel policy)
    {
        var state = new LoweringState(policy);
        foreach (var pass in Passes)
        {
            pass.Run(state);
        }

        var program = state.ToProgram();
        IrValidator.Validate(program);
        return program;
    }
}
