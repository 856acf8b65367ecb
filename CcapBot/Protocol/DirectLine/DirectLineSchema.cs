using System.Text.Json;
using System.Text.Json.Serialization;
using CcapBot.Protocol.Schema;

namespace CcapBot.Protocol.DirectLine;

/// <summary>Direct Line's Conversation object (start, reconnect, token answers).</summary>
public sealed record DirectLineConversation
{
    public string? ConversationId { get; init; }
    public string? Token { get; init; }
    [JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; init; }
    public string? StreamUrl { get; init; }
}

/// <summary>Body of tokens/generate and of a conversation start: the user, and (Direct Line JS) the locale.</summary>
public sealed record TokenParameters
{
    public ChannelAccount? User { get; init; }
    public string? Locale { get; init; }
}

/// <summary>The web chat page's request for a session: its stable user id and language.</summary>
public sealed record WebChatSessionRequest
{
    public string? UserId { get; init; }
    public string? Locale { get; init; }
}

/// <param name="Resume">True when the conversation already started: the page reconnects to it (history) instead of starting it.</param>
public sealed record WebChatSession(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string UserId,
    bool Resume);

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DirectLineConversation))]
[JsonSerializable(typeof(TokenParameters))]
[JsonSerializable(typeof(WebChatSessionRequest))]
[JsonSerializable(typeof(WebChatSession))]
public sealed partial class DirectLineJsonContext : JsonSerializerContext;
