namespace Alg.Runtime.Algs;

/// <summary>Why the runtime refused a pinhole an ALG asked for; each is counted on the ALG.</summary>
/// <remarks>Values are stable indexes into <see cref="AlgCounters"/>; append new ones at the end.</remarks>
public enum PinholeRefusal : byte
{
    None = 0,

    /// <summary>The expectation table is full.</summary>
    TableFull,

    /// <summary>An inbound pinhole to an inside host other than the one whose message asked for it.</summary>
    NotTheSendersAddress,

    /// <summary>An outbound pinhole from a host other than the inside host, or to a host other than its peer.</summary>
    NotTheSignallingPeer,

    /// <summary>Port 0 on either end.</summary>
    PortZero,

    /// <summary>A port below 1024, which the ALG's protocol never needs.</summary>
    PrivilegedPort,

    /// <summary>An address of the gateway itself as the destination of the admitted connection.</summary>
    GatewayAddress,

    /// <summary>Broadcast, multicast, class E, loopback or the unspecified address.</summary>
    SpecialAddress,

    /// <summary>No lifetime, or one above the longest any ALG may ask for.</summary>
    BadLifetime,

    /// <summary>The master flow already holds as many pinholes as one signalling flow may.</summary>
    TooManyForMaster,

    /// <summary>A map entry gated on an endpoint other than its signalling flow's server (<see cref="Flows.AdmissionProxy"/>).</summary>
    ProxyNotTheServer,
}
