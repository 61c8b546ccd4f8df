namespace Alg.StdlibAlgs.H323;

/// <summary>One call signalling address an inside endpoint registered (RRQ callSignalAddress), the public endpoint
/// it was given and the pinhole group that lets gatekeeper-routed calls reach it.</summary>
internal readonly record struct H323Registration(ushort InsidePort, uint PublicAddress, ushort PublicPort, long Group);
