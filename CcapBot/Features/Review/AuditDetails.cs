using System.Text.Json;
using System.Text.Json.Serialization;

namespace CcapBot.Features.Review;

/// <summary>The small JSON object an audit entry keeps about what changed.</summary>
internal static class AuditDetails
{
    public static JsonElement Of(params (string Key, string? Value)[] values) =>
        JsonSerializer.SerializeToElement(values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal), AuditJsonContext.Default.DictionaryStringString);
}

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
