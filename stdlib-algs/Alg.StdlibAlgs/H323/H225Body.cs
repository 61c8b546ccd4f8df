namespace Alg.StdlibAlgs.H323;

/// <summary>H.225.0 <c>H323-UU-PDU.h323-message-body</c> alternatives (H323-MESSAGES, H.225.0 (12/2009) §7.6): root
/// 0–6, extension additions from 7 (X.691 §23: root index in 3 bits, additions as open types).</summary>
public static class H225Body
{
    public const int Setup = 0;
    public const int CallProceeding = 1;
    public const int Connect = 2;
    public const int Alerting = 3;
    public const int Information = 4;
    public const int ReleaseComplete = 5;
    public const int Facility = 6;
    public const int RootCount = 7;
    public const int Progress = 7;
    public const int Empty = 8;
}
