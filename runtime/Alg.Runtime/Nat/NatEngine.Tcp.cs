using Alg.Runtime.Flows;
using Alg.Runtime.Packets;

namespace Alg.Runtime.Nat;

/// <summary>TCP state tracking: just enough to pick the right idle timer (RFC 5382 REQ-5, RFC 7857 §2.1-2.2).</summary>
public sealed partial class NatEngine
{
    private static void TrackTcp(ref FlowEntry flow, TcpFlags flags, bool isReply)
    {
        if ((flags & TcpFlags.Rst) != 0)
        {
            // RFC 7857 §2.2: an RST does not delete the session at once; it moves to the transitory timer.
            flow.TcpState = TcpTrackState.Reset;
            return;
        }

        var syn = (flags & TcpFlags.Syn) != 0;
        var ack = (flags & TcpFlags.Ack) != 0;
        switch (flow.TcpState)
        {
            case TcpTrackState.SynSent:
                if (syn && isReply)
                {
                    // SYN+ACK, or a simultaneous open's SYN (RFC 5382 REQ-2).
                    flow.TcpState = TcpTrackState.SynReceived;
                }

                break;
            case TcpTrackState.SynReceived:
                if (ack && !syn && !isReply)
                {
                    flow.TcpState = TcpTrackState.Established;
                }

                break;
            case TcpTrackState.Reset:
            case TcpTrackState.Closing:
                if (syn && !ack && !isReply)
                {
                    // The same 4-tuple reused for a new connection (TIME-WAIT assassination rules aside).
                    flow.TcpState = TcpTrackState.SynSent;
                    flow.Flags &= ~(FlowEntryFlags.FinFromOriginal | FlowEntryFlags.FinFromReply);
                }

                break;
        }

        if ((flags & TcpFlags.Fin) != 0)
        {
            flow.Flags |= isReply ? FlowEntryFlags.FinFromReply : FlowEntryFlags.FinFromOriginal;
            var both = FlowEntryFlags.FinFromOriginal | FlowEntryFlags.FinFromReply;
            flow.TcpState = (flow.Flags & both) == both ? TcpTrackState.Closing : TcpTrackState.FinWait;
        }
    }
}
