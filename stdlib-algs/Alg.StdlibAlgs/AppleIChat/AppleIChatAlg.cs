using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Packets;
using Alg.StdlibAlgs.Sip;

namespace Alg.StdlibAlgs.AppleIChat;

/// <summary>
/// Apple iChat AV (ScreenOS <c>appleichat</c>; algs.md §12): iChat sets its audio and video calls up with SIP on UDP
/// 16402 (Apple HT2282). The invitation and its answer are read, translated and given their media pinholes by the SIP
/// ALG's own parser and rewriter (<see cref="SipAlg"/>: the invited peer's media only, RFC 3264), under this ALG's name;
/// what differs is the wait: an unanswered invitation's pinholes last <c>call-answer-time</c>, then close. Invitations
/// that came in IP fragments are inspected only with <c>re-assembly</c> on (off by default, as on ScreenOS), and pass
/// untouched and counted otherwise.
/// </summary>
/// <remarks>Inferred, not documented by Juniper (algs.md §12.2): the AIM/OSCAR leg on TCP 5190 that carries the chat
/// invitation is not read, nor is SIP on 5060 (Tiger's, left to the SIP ALG).</remarks>
public sealed class AppleIChatAlg : IAlgHandler
{
    private readonly SipAlg _sip = new();

    public AlgDescriptor Descriptor => AppleIChatAlgDescriptor.Instance;

    public object? CreateSettings(in AlgSettingsSource source) => new AppleIChatSettings(in source);

    public object? CreateSession(in AlgFlowContext context) => context.Protocol == IpProtocol.Udp ? _sip.CreateSession(in context) : null;

    public void Inspect(in AlgFlowContext context, ReadOnlySpan<byte> data, ref AlgOutput output)
    {
        if (context.Session is null)
        {
            return;
        }

        var settings = context.SettingsAs<AppleIChatSettings>();
        if (context.Reassembled && !settings.Reassembly)
        {
            output.ReportPartRefused("Apple iChat: an invitation that came in IP fragments passes uninspected: re-assembly is off (ScreenOS default)");
            return;
        }

        _sip.Inspect(context.WithSettings(settings.Sip), data, ref output);
    }
}
