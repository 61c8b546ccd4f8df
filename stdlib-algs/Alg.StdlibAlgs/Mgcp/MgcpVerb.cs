namespace Alg.StdlibAlgs.Mgcp;

/// <summary>The MGCP commands the ALG acts on (RFC 3435 §2.3); every other verb is <see cref="Other"/>.</summary>
public enum MgcpVerb : byte
{
    Other,

    /// <summary>CreateConnection (§2.3.5).</summary>
    Crcx,

    /// <summary>ModifyConnection (§2.3.6).</summary>
    Mdcx,

    /// <summary>DeleteConnection (§2.3.7, §2.3.8, §2.3.9).</summary>
    Dlcx,

    /// <summary>RestartInProgress (§2.3.12).</summary>
    Rsip,
}
