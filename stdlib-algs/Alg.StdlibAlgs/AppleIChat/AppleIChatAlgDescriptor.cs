using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.AppleIChat;

/// <summary>Declaration of the <c>appleichat</c> ALG: Apple iChat audio-video invitations (ScreenOS).</summary>
/// <remarks>No primary document describes ScreenOS's iChat ALG (algs.md §12.2): what runs is inferred — SIP on UDP 16402,
/// iChat's AV signalling port from Mac OS X 10.5 on (Apple HT2282), with the invitation's pinholes held for
/// <c>call-answer-time</c>. The AIM leg (TCP 5190) and Tiger's SIP on 5060 are not read.</remarks>
public static class AppleIChatAlgDescriptor
{
    /// <summary>iChat's AV signalling port (Apple HT2282: UDP 16402, trying down to 16393).</summary>
    public const int AvSignallingPort = 16402;

    public static readonly AlgDescriptor Instance = new(
        "appleichat",
        "Apple iChat AV invitations: SIP on UDP 16402, pinholes held for call-answer-time (inferred, algs.md §12.2)",
        [AlgPort.Udp(AvSignallingPort)],
        [
            AlgOptionDescriptor.Duration("call-answer-time", 20, 90, 32, "ScreenOS: seconds an invitation's pinholes wait for the callee's answer"),
            AlgOptionDescriptor.Flag("re-assembly", false, "ScreenOS: inspect invitations that came in IP fragments (put together first); off, they pass uninspected"),
        ],
        [new AlgAlias(Dialect.ScreenOs, "appleichat")],
        Implemented: true);
}
