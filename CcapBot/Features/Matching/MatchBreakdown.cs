using System.Text.Json;
using System.Text.Json.Serialization;

namespace CcapBot.Features.Matching;

/// <summary>The factor breakdown stored with a suggestion, so a card shows the reasons it was made for.</summary>
public static class MatchBreakdown
{
    public static string Serialize(IReadOnlyList<FactorScore> factors) =>
        JsonSerializer.Serialize([.. factors], MatchingJsonContext.Default.ListFactorScore);

    public static IReadOnlyList<FactorScore> Deserialize(string json) =>
        JsonSerializer.Deserialize(json, MatchingJsonContext.Default.ListFactorScore) ?? [];
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<FactorScore>))]
internal sealed partial class MatchingJsonContext : JsonSerializerContext;
