namespace Alg.StdlibAlgs.IpsecNat;

/// <summary>IKE exchange types (RFC 2408 §3.1 and RFC 2409 §5.5 for IKEv1, RFC 7296 §3.1 for IKEv2).</summary>
public enum IkeExchangeType : byte
{
    None = 0,
    Base = 1,

    /// <summary>IKEv1 Main Mode.</summary>
    IdentityProtection = 2,
    AuthenticationOnly = 3,
    Aggressive = 4,
    Informational = 5,

    /// <summary>IKEv1 Quick Mode: negotiates the ESP security associations.</summary>
    QuickMode = 32,
    NewGroupMode = 33,
    IkeSaInit = 34,

    /// <summary>IKEv2: authenticates and makes the first child (ESP) security association.</summary>
    IkeAuth = 35,

    /// <summary>IKEv2: makes or rekeys a child (ESP) security association.</summary>
    CreateChildSa = 36,
    InformationalV2 = 37,
}
