namespace Alg.Runtime.Flows;

/// <summary>What an ALG asks for when it opens a pinhole for a connection the signalling announced.</summary>
/// <param name="Protocol">IP protocol of the expected flow.</param>
/// <param name="ArrivalSide">The side the expected flow's first packet arrives on.</param>
/// <param name="Peer">Who may send it.</param>
/// <param name="LocalAddress">Destination address of that first packet as it arrives (e.g. the mapped address).</param>
/// <param name="LocalPort">Destination port of that first packet as it arrives.</param>
/// <param name="TranslatedAddress">Where the new flow is sent to (the real inside address), or the same address.</param>
/// <param name="TranslatedPort">Where the new flow is sent to (the real inside port), or the same port.</param>
/// <param name="LifetimeNanoseconds">How long the pinhole waits for its flow.</param>
/// <param name="Persistent">False: the pinhole closes after one match; true: it stays until it expires or is removed.</param>
/// <param name="Master">The signalling flow that asked for it.</param>
/// <param name="OwnerTag">Which ALG (and which of its sessions) owns it, so the ALG can remove its own.</param>
/// <param name="Group">Which conversation on the master flow it belongs to (e.g. a hash of a SIP Call-ID), so one
/// call's pinholes can be updated or closed without touching the other calls on the same signalling flow; 0 for none.</param>
/// <param name="OutlivesMaster">Stays when the master flow ends (it still expires): a SIP registration's binding
/// must reach the phone after its UDP signalling flow idles out. Every other pinhole dies with its master.</param>
/// <param name="InspectedBy">The owner tag (<c>AlgStage.OwnerTagOf</c>) of the ALG that inspects the connection this
/// pinhole admits, from its first packet and whatever its ports (an H.245 channel, a TNS redirect); 0: the admitted
/// connection is dispatched by its service port like any other.</param>
/// <param name="AdmitLike">Set for a pinhole open to any peer that admits only a peer the arrival interface's inbound ACL
/// lets reach this endpoint (a port mapper's map entry); default: the peer alone decides.</param>
public readonly record struct ExpectationSpec(
    byte Protocol,
    FlowSide ArrivalSide,
    ExpectedPeer Peer,
    uint LocalAddress,
    ushort LocalPort,
    uint TranslatedAddress,
    ushort TranslatedPort,
    long LifetimeNanoseconds,
    bool Persistent,
    FlowId Master,
    int OwnerTag,
    long Group = 0,
    bool OutlivesMaster = false,
    int InspectedBy = 0,
    AdmissionProxy AdmitLike = default);
