using Alg.Runtime.Pipeline.Ir;

namespace Alg.Runtime.Pipeline;

/// <summary>
/// The interpreter: answers every policy question by walking the IR as it is, rule after rule. Ready the
/// moment a configuration is lowered, which is why tiered mode starts on it.
/// </summary>
public sealed class PipelineInterpreter(PipelineProgram program) : IPolicyClassifier
{
    public PipelineProgram Program { get; } = program;

    public bool PermitInbound(int interfaceId, in PacketTuple tuple) => Permit(Program.Interfaces[interfaceId].InboundAclId, tuple);

    public bool PermitOutbound(int interfaceId, in PacketTuple tuple) => Permit(Program.Interfaces[interfaceId].OutboundAclId, tuple);

    public int Classify(int aclId, in PacketTuple tuple)
    {
        var rules = Program.Acls[aclId].Rules;
        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i].Matches(tuple))
            {
                return i;
            }
        }

        return -1;
    }

    public int SelectNatRule(in PacketTuple tuple)
    {
        foreach (var rule in Program.NatRules)
        {
            if (rule.Matches(tuple, this))
            {
                return rule.Id;
            }
        }

        return -1;
    }

    public int DispatchAlg(byte protocol, ushort port)
    {
        foreach (var binding in Program.AlgPorts)
        {
            if ((byte)binding.Protocol == protocol && binding.Port == port)
            {
                return binding.AlgId;
            }
        }

        return -1;
    }

    private bool Permit(int aclId, in PacketTuple tuple)
    {
        if (aclId < 0)
        {
            return true;
        }

        var rule = Classify(aclId, tuple);
        return rule >= 0 && Program.Acls[aclId].Rules[rule].Permit;
    }
}
