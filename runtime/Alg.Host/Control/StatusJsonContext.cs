using System.Text.Json.Serialization;

namespace Alg.Host.Control;

/// <summary>Source-generated JSON for the status, so it needs no reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GatewayStatus))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
