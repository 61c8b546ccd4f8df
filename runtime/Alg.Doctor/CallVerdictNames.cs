namespace Alg.Doctor;

/// <summary>The stable spellings of verdicts and parties used in text and JSON output.</summary>
public static class CallVerdictNames
{
    public static string Code(this CallVerdict verdict) => verdict switch
    {
        CallVerdict.Ok => "ok",
        CallVerdict.OneWay => "one-way",
        CallVerdict.NoAudio => "no-audio",
        _ => "not-established",
    };

    public static string Code(this CallParty party) => party == CallParty.Caller ? "caller" : "callee";

    public static CallParty Other(this CallParty party) => party == CallParty.Caller ? CallParty.Callee : CallParty.Caller;
}
