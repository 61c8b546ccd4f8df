namespace Alg.Runtime.Flows;

/// <summary>Decides, for a pinhole with an <see cref="AdmissionProxy"/>, whether this first packet's sender may use it:
/// the translator asks the engine walking the packet whether the arrival interface's inbound ACL lets the sender reach
/// the proxy endpoint.</summary>
public interface IExpectationGate
{
    bool Admits(in ExpectationSpec spec, in FlowKey firstPacket);
}
