namespace Alg.Runtime.Tests.Support;

/// <summary>A theory that is skipped, with the reason shown, only when tshark is not installed.</summary>
public sealed class RequiresTsharkTheoryAttribute : TheoryAttribute
{
    public RequiresTsharkTheoryAttribute()
    {
        if (!Tshark.Available)
        {
            Skip = "tshark is not installed (apt-get install -y tshark; CI installs it): pcap round-trip against Wireshark not checked";
        }
    }
}
