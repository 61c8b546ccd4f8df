namespace Alg.StdlibAlgs.H323;

/// <summary>H.225.0 <c>RasMessage</c> alternatives the RAS ALG reads (H323-MESSAGES, H.225.0 §7.7–§7.16): 25 root
/// alternatives (5 bits after the extension bit), extension additions numbered from 25.</summary>
public static class RasBody
{
    public const int GatekeeperRequest = 0;
    public const int GatekeeperConfirm = 1;
    public const int RegistrationRequest = 3;
    public const int RegistrationConfirm = 4;
    public const int UnregistrationRequest = 6;
    public const int UnregistrationConfirm = 7;
    public const int AdmissionRequest = 9;
    public const int AdmissionConfirm = 10;
    public const int LocationRequest = 18;
    public const int LocationConfirm = 19;
    public const int InfoRequestResponse = 22;
    public const int RootCount = 25;
    public const int ServiceControlIndication = RootCount + 5;
    public const int ServiceControlResponse = RootCount + 6;
}
