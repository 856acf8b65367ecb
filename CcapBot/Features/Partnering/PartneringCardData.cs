using System.Text.Json.Serialization;

namespace CcapBot.Features.Partnering;

/// <summary>A choice of an Input.ChoiceSet.</summary>
public sealed record CardOption(string Title, string Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class PartneringJsonContext : JsonSerializerContext;
