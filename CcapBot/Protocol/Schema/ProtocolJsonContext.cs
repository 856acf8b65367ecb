using System.Text.Json;
using System.Text.Json.Serialization;

namespace CcapBot.Protocol.Schema;

/// <summary>
/// Source-generated serializer for everything on the wire: camelCase, nulls omitted (spec A2004),
/// ISO-8601 dates, no reflection on the hot path.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(IList<Activity>))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
