using Alg.Policy.Algs;
using Alg.Policy.Model;

namespace Alg.StdlibAlgs.AppleIChat;

/// <summary>Declaration of the <c>appleichat</c> ALG: Apple iChat / AIM audio-video invitations.</summary>
public static class AppleIChatAlgDescriptor
{
    public static readonly AlgDescriptor Instance = new(
        "appleichat",
        "Apple iChat / AIM audio-video invitations",
        [AlgPort.Tcp(5190)],
        [
            AlgOptionDescriptor.Duration("call-answer-time", 20, 90, 32, "ScreenOS: seconds an invitation waits for an answer"),
            AlgOptionDescriptor.Flag("re-assembly", false, "ScreenOS: reassemble invitations split across TCP segments"),
        ],
        [new AlgAlias(Dialect.ScreenOs, "appleichat")]);
}
