using System.Text.Json.Serialization;

namespace Alg.Host.Control;

/// <summary>Source-generated JSON for <see cref="LiveState"/>: the gateway writes it, a console reads it.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LiveState))]
public sealed partial class LiveStateJsonContext : JsonSerializerContext;
