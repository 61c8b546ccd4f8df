namespace Alg.Doctor;

/// <summary>The doctor's answer for one call; <see cref="CallVerdictNames"/> gives the JSON spelling.</summary>
public enum CallVerdict
{
    /// <summary>Established, and RTP reached each side.</summary>
    Ok,

    /// <summary>Established, and one side's RTP never reached the other.</summary>
    OneWay,

    /// <summary>Established, and neither side's RTP reached the other.</summary>
    NoAudio,

    /// <summary>No 2xx answered the INVITE (RFC 3261 §13.2.2.4): there was never a dialog.</summary>
    NotEstablished,
}
