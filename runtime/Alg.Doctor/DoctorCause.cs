namespace Alg.Doctor;

/// <summary>Why a direction is silent or a call failed, as the captures show it.</summary>
/// <param name="Code">A stable kebab-case code: see docs/doctor.md for the list.</param>
/// <param name="Config">Set when a configuration was given and one of its settings causes this.</param>
public sealed record DoctorCause(string Code, string Message, ConfigAdvice? Config = null);
