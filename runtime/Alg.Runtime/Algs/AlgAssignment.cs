using Alg.Runtime.Flows;

namespace Alg.Runtime.Algs;

/// <summary>A flow a pinhole admitted and named its inspector for: which ALG takes it on, and which connection's pinhole
/// (of which conversation) let it in — so the conversation's end on that connection can end what it admitted (an H.323
/// call's Release Complete closes the media its separate H.245 connection opened).</summary>
/// <param name="OwnerTag">The inspecting ALG (<see cref="ExpectationSpec.InspectedBy"/>).</param>
/// <param name="AdmittedBy">The master flow of the pinhole that admitted the flow.</param>
/// <param name="Group">That pinhole's <see cref="ExpectationSpec.Group"/> (0: none).</param>
internal readonly record struct AlgAssignment(int OwnerTag, FlowId AdmittedBy, long Group);
