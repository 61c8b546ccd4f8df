using Alg.Runtime.Algs;
using Alg.Runtime.Nat;

namespace Alg.StdlibAlgs.Tftp;

/// <summary>The TFTP ALG's settings for one configuration. No vendor gives TFTP inspection options; what it needs
/// from the policy is how long the answer's pinhole waits.</summary>
internal sealed class TftpSettings
{
    /// <summary>Linux's helper waits 5 min for the answer; so does a policy with no UDP timeout (RFC 4787 REQ-5).</summary>
    private const long DefaultLifetime = 300 * NatTimeouts.Second;

    public TftpSettings(in AlgSettingsSource source)
    {
        PinholeLifetime = source.Timeouts.Udp == NatTimeouts.Never ? DefaultLifetime : source.Timeouts.Udp;
    }

    /// <summary>How long the pinhole for the server's answer waits: the policy's UDP idle timeout.</summary>
    public long PinholeLifetime { get; }
}
