using Alg.Runtime.Algs;
using Alg.Runtime.Nat;

namespace Alg.StdlibAlgs.SqlNet;

/// <summary>The SQL*Net ALG's settings for one configuration (no vendor gives SQL*Net options beyond on/off and ports).</summary>
internal sealed class SqlNetSettings
{
    /// <summary>How long a redirect's pinhole and reserved public port wait: a client dials the new address as soon as
    /// it reads the REDIRECT (algs.md §8.2: single use, short timeout), so a minute covers a slow client and leaves
    /// little for anyone else.</summary>
    public const long DefaultPinholeLifetime = 60 * NatTimeouts.Second;

    /// <summary>(ADDRESS=...) entries read from one redirect (an ADDRESS_LIST of RAC nodes is a handful).</summary>
    public const int MaxAddresses = 8;

    /// <summary>The longest REDIRECT (or DATA carrying a redirect's text) read whole; longer ones pass unread and are
    /// counted. Well under the stage's per-direction stream buffer, far above any real redirect.</summary>
    public const int MaxRedirectPacketLength = 8192;

    public SqlNetSettings(in AlgSettingsSource source)
    {
        _ = source;
        PinholeLifetime = DefaultPinholeLifetime;
    }

    public long PinholeLifetime { get; }
}
