namespace Alg.StdlibAlgs.Sctp;

/// <summary>Where an association is, as the inspector follows it (RFC 9260 §4, the states Linux's tracker keeps).</summary>
public enum SctpAssociationState : byte
{
    /// <summary>No INIT seen on this flow: nothing but an INIT may start one.</summary>
    None,

    /// <summary>INIT seen; its INIT ACK is awaited.</summary>
    CookieWait,

    /// <summary>INIT ACK seen; the COOKIE ECHO is awaited.</summary>
    InitAcknowledged,

    /// <summary>COOKIE ECHO seen; the COOKIE ACK is awaited (DATA may already flow with it).</summary>
    CookieEchoed,

    Established,

    /// <summary>A SHUTDOWN seen from one end.</summary>
    ShutdownSent,

    /// <summary>SHUTDOWN ACK seen; SHUTDOWN COMPLETE is awaited.</summary>
    ShutdownAckSent,

    /// <summary>Ended by SHUTDOWN COMPLETE or ABORT; only a new INIT starts again.</summary>
    Closed,
}
