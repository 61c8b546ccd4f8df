using System.Collections.Immutable;
using Alg.Policy.Algs;
using Alg.Runtime.Algs;
using Alg.Runtime.Nat;
using Alg.StdlibAlgs.Sip;

namespace Alg.StdlibAlgs.AppleIChat;

/// <summary>The iChat ALG's settings for one configuration: its own two options and the SIP settings its invitations are
/// read with (an unanswered invitation's pinholes, SIP's <c>invite-timeout</c>, last <c>call-answer-time</c>).</summary>
internal sealed class AppleIChatSettings
{
    public AppleIChatSettings(in AlgSettingsSource source)
    {
        CallAnswerSeconds = source.Option("call-answer-time")?.Number ?? 32;
        Reassembly = source.Option("re-assembly")?.AsBoolean ?? false;
        var sipOptions = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, AlgOptionValue>
        {
            ["invite-timeout"] = AlgOptionValue.FromNumber(AlgOptionKind.Seconds, CallAnswerSeconds),
            ["provisional-media-timeout"] = AlgOptionValue.FromNumber(AlgOptionKind.Seconds, CallAnswerSeconds),
        });
        Sip = new SipSettings(new AlgSettingsSource(SipAlgDescriptor.Instance, sipOptions, source.Timeouts));
    }

    /// <summary>ScreenOS <c>call-answer-time</c> (20–90 s, 32 by default: SIP's Timer B, 64·T1).</summary>
    public long CallAnswerSeconds { get; }

    public long CallAnswerTime => CallAnswerSeconds * NatTimeouts.Second;

    /// <summary>ScreenOS <c>re-assembly</c>: inspect invitations that arrived in fragments.</summary>
    public bool Reassembly { get; }

    public SipSettings Sip { get; }
}
