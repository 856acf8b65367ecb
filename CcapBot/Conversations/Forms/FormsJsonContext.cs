using System.Text.Json.Serialization;

namespace CcapBot.Conversations.Forms;

[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class FormsJsonContext : JsonSerializerContext;
