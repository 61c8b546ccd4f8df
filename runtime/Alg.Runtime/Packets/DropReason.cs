namespace Alg.Runtime.Packets;

/// <summary>Why a packet was dropped or refused; every drop is counted under one of these.</summary>
/// <remarks>Values are stable indexes into <see cref="DropCounters"/>; append new ones at the end.</remarks>
public enum DropReason : byte
{
    None = 0,
    UnsupportedLinkType,
    TruncatedLinkHeader,
    TruncatedIpHeader,
    BadIpVersion,
    BadIpv4HeaderLength,
    BadIpTotalLength,
    IpTotalLengthExceedsCaptured,
    Ipv6ExtensionChainTooLong,
    TruncatedTransportHeader,
    BadTcpDataOffset,
    BadUdpLength,
    TruncatedIcmpEmbeddedHeader,
    BadGreHeader,
    FragmentOverlap,
    FragmentTooLarge,
    FragmentTimeout,
    FragmentTableFull,
    FragmentBytesExhausted,
    TooManyFragments,
    FlowTableFull,
    HostLimitReached,
    PortsExhausted,
    NoMapping,
    FilteredByEndpoint,
    StreamOutOfWindow,
    StreamBytesExhausted,
    BufferTooSmall,
    NoMatchingFlowForIcmpError,
    ExpectationTableFull,
    NotTranslatable,
    BadFragmentLength,
    StreamTooManyGaps,
    UnsolicitedTcpWithoutSyn,

    /// <summary>An access list applied to the arrival interface denied the packet.</summary>
    AclDeniedInbound,

    /// <summary>An access list applied to the exit interface denied the packet.</summary>
    AclDeniedOutbound,

    /// <summary>An ALG option the user configured said to drop it (e.g. ASA <c>strict-header-validation action drop</c>).</summary>
    AlgPolicyViolation,

    /// <summary>ESP of an SPI no flow knows arrived outside and no IKE gate was open for its peer (IPsec-NAT SPI matching,
    /// RFC 3715 §2.2).</summary>
    EspWithoutGate,

    /// <summary>ESP of an SPI no flow knows arrived outside, and more than one inside host sends ESP to that peer through
    /// that address: which one it is for cannot be told without SPI matching.</summary>
    EspAmbiguous,
}
