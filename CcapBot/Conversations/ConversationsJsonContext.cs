using System.Text.Json;
using System.Text.Json.Serialization;

namespace CcapBot.Conversations;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InvokeBody))]
[JsonSerializable(typeof(InvokeError))]
[JsonSerializable(typeof(string))]
internal sealed partial class ConversationsJsonContext : JsonSerializerContext;
